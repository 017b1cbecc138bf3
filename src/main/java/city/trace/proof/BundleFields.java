package city.trace.proof;

import java.util.HexFormat;
import java.util.List;

/** The checks the bundle records run on their fields, with messages that name the field. */
final class BundleFields {

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
        return prefixedHex(value, 64, field, "0x and 64 hex digits");
    }

    /** A list of such values; an item is named ({@code field[i]}) only when it fails, as every page checks many. */
    static List<String> bytes32Each(List<String> values, String field) {
        present(values, field);
        for (int i = 0; i < values.size(); i++) {
            if (!isPrefixedHex(values.get(i), 64)) {
                bytes32(values.get(i), field + "[" + i + "]");
            }
        }
        return values;
    }

    static String address(String value, String field) {
        return prefixedHex(value, 40, field, "an address, 0x and 40 hex digits");
    }

    static long notNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + ": expected a number >= 0, found " + value);
        }
        return value;
    }

    /** 0x and {@code digits} hex digits; checked without a regular expression, as every page checks many. */
    private static String prefixedHex(String value, int digits, String field, String expected) {
        present(value, field);
        if (!isPrefixedHex(value, digits)) {
            throw new IllegalArgumentException(field + ": expected " + expected + ", found \"" + value + "\"");
        }
        return value;
    }

    private static boolean isPrefixedHex(String value, int digits) {
        boolean matches = value != null && value.length() == digits + 2 && value.startsWith("0x");
        for (int i = 2; matches && i < value.length(); i++) {
            matches = HexFormat.isHexDigit(value.charAt(i));
        }
        return matches;
    }
}
