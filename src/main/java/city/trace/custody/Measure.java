package city.trace.custody;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * A quantity in its unit's base, so that tonnes shipped and kilograms used of one lot add up: mass in
 * kilograms (KGM), volume in litres (LTR), counts in pieces (H87, also for a quantity without unit, which
 * EPCIS reads as a count). Other UN/ECE Rec 20 codes stay as they are and only add up with themselves.
 */
public record Measure(BigDecimal quantity, String unit) {

    private record Base(String unit, BigDecimal factor) {
    }

    private static final String COUNT = "H87";
    private static final Map<String, Base> BASES = Map.of(
            "KGM", new Base("KGM", BigDecimal.ONE), "TNE", new Base("KGM", BigDecimal.valueOf(1000)),
            "GRM", new Base("KGM", new BigDecimal("0.001")), "LTR", new Base("LTR", BigDecimal.ONE),
            "MLT", new Base("LTR", new BigDecimal("0.001")), "MTQ", new Base("LTR", BigDecimal.valueOf(1000)),
            "H87", new Base(COUNT, BigDecimal.ONE), "EA", new Base(COUNT, BigDecimal.ONE));

    /** {@code quantity} of {@code uom} (null: a count) in its base unit. */
    public static Measure of(BigDecimal quantity, String uom) {
        Base base = base(uom);
        return new Measure(quantity.multiply(base.factor()), base.unit());
    }

    /** The base unit quantities of {@code uom} are kept in. */
    public static String baseUnit(String uom) {
        return base(uom).unit();
    }

    /** This quantity expressed in {@code uom} (which must share its base), e.g. 12,500 KGM as 12.5 TNE. */
    public BigDecimal in(String uom) {
        Base base = base(uom);
        if (!base.unit().equals(unit)) {
            throw new IllegalArgumentException(unit + " cannot be expressed in " + uom);
        }
        return quantity.divide(base.factor(), 6, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    private static Base base(String uom) {
        return uom == null ? BASES.get(COUNT) : BASES.getOrDefault(uom, new Base(uom, BigDecimal.ONE));
    }
}
