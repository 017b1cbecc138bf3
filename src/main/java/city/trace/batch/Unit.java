package city.trace.batch;

/** Units of measure for batch quantities, by their UN/ECE Recommendation 20 code (as EPCIS uses them). */
public enum Unit {
    KGM("kg"), TNE("t"), LTR("L"), H87("pieces");

    public final String symbol;

    Unit(String symbol) {
        this.symbol = symbol;
    }
}
