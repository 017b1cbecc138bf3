package city.trace.proof;

import java.util.regex.Pattern;

/** The checks the bundle records run on their fields, with messages that name the field. */
final class BundleFields {

    private static final Pattern BYTES32 = Pattern.compile("0x[0-9a-fA-F]{64}");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    private BundleFields() {
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": missing");
        }
        return value;
    }

    /** A 32-byte value written as 0x and 64 hex digits (a root, an audit path node, a transaction hash). */
    static String bytes32(String value, String field) {
        return matching(BYTES32, value, field, "0x and 64 hex digits");
    }

    static String address(String value, String field) {
        return matching(ADDRESS, value, field, "an address, 0x and 40 hex digits");
    }

    static long notNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + ": expected a number >= 0, found " + value);
        }
        return value;
    }

    private static String matching(Pattern pattern, String value, String field, String expected) {
        if (!pattern.matcher(present(value, field)).matches()) {
            throw new IllegalArgumentException(field + ": expected " + expected + ", found \"" + value + "\"");
        }
        return value;
    }
}
