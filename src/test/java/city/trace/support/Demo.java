package city.trace.support;

import java.util.function.Supplier;

import city.trace.gs1.CheckDigit;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Facts of the demo supply chain that the test profile seeds, and a way to read the database in tests. */
public final class Demo {

    public static final String FARM = "korenaar-farm";
    public static final String DAIRY = "zonneweide-dairy";
    public static final String BAKERY = "noorderlicht-bakery";
    public static final String CARRIER = "coldlink-logistics";
    public static final String MARKET = "stadsmarkt-rotterdam";
    public static final String REGULATOR = "food-safety-office";

    public static final String FARM_PREFIX = "8712345";
    public static final String BAKERY_PREFIX = "8712347";
    /** The farm's first product (wheat) and site (fields). */
    public static final String WHEAT_GTIN = CheckDigit.append("0" + FARM_PREFIX + "00001");
    public static final String FIELDS_GLN = CheckDigit.append(FARM_PREFIX + "00001");
    public static final String BAKERY_PLANT_GLN = CheckDigit.append(BAKERY_PREFIX + "00001");
    public static final String FLOUR_GTIN = CheckDigit.append("0" + BAKERY_PREFIX + "00001");

    private Demo() {
    }

    /** Runs {@code query} in its own transaction: tests read what the application committed. */
    public static <T> T read(Supplier<T> query) {
        return QuarkusTransaction.requiringNew().call(query::get);
    }
}
