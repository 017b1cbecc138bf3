package city.trace.epcis.hash;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Numbers without trailing zeros, written as the reference implementation writes them: a whole number
 * plainly ({@code 1.0} becomes {@code 1}, {@code 007} becomes {@code 7}) unless it was given with a positive
 * exponent ({@code 1E+3} stays scientific), any other number in plain notation ({@code 1.50e-3} becomes
 * {@code 0.0015}). JSON numbers are read as doubles first, as the reference's JSON parser does.
 */
final class Numbers {

    /** The most decimals written in plain notation (the validator refuses longer numeric text). */
    static final int MAX_PLAIN_DECIMALS = 1000;

    private Numbers() {
    }

    /**
     * The canonical form of a JSON number node.
     *
     * @throws InvalidEventException for a number beyond the range of a double (1e400), which has no form
     */
    static String canonical(JsonNode number) {
        if (number.isIntegralNumber()) {
            return number.bigIntegerValue().toString();
        }
        double value = number.doubleValue();
        if (!Double.isFinite(value)) {
            throw new InvalidEventException("number out of range: the Event Hash ID reads numbers as doubles, "
                    + "so at most about 1.8E308 is allowed");
        }
        return canonical(pythonRepr(value));
    }

    /** The canonical form of a text that is a decimal number, or null when it is none. */
    static String canonical(String text) {
        if (!looksNumeric(text)) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
        String sign = text.charAt(0) == '-' ? "-" : "";
        BigDecimal magnitude = value.abs();
        BigDecimal stripped = magnitude.stripTrailingZeros();
        if (stripped.scale() > MAX_PLAIN_DECIMALS) {
            // 1e-999999999 would be a billion digits in plain notation: keep such text as it is
            return null;
        }
        if (stripped.scale() > 0) {
            return sign + stripped.toPlainString();
        }
        if (magnitude.scale() >= 0) {
            return sign + magnitude.setScale(0).toPlainString();
        }
        // a whole number given with a positive exponent keeps it: 1.0E+3
        String coefficient = magnitude.unscaledValue().toString();
        int adjusted = coefficient.length() - 1 - magnitude.scale();
        String mantissa = coefficient.length() == 1 ? coefficient
                : coefficient.charAt(0) + "." + coefficient.substring(1);
        return sign + mantissa + "E+" + adjusted;
    }

    /** Python's repr of a float: shortest digits, scientific below 1e-4 and from 1e16 on. */
    static String pythonRepr(double value) {
        if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        String sign = value < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = shortest.toPlainString();
            return sign + (plain.indexOf('.') < 0 ? plain + ".0" : plain);
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + (exponent < 0 ? "e-" : "e+") + (Math.abs(exponent) < 10 ? "0" : "")
                + Math.abs(exponent);
    }

    /** A cheap test that rules out most texts before a BigDecimal is tried. */
    private static boolean looksNumeric(String text) {
        if (text.isEmpty()) {
            return false;
        }
        boolean digit = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != '+' && c != '-' && c != 'e' && c != 'E') {
                return false;
            }
        }
        return digit;
    }
}
