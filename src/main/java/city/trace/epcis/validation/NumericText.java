package city.trace.epcis.validation;

import java.math.BigDecimal;

/**
 * Text that the Event Hash ID reads as a number and writes in plain notation: with an exponent such as
 * {@code 1e-999999999} that plain form would have a billion digits, so such text is refused.
 */
final class NumericText {

    /** More decimals than any real measurement has, far fewer than could hurt. */
    static final int MAX_DECIMALS = 1000;

    private NumericText() {
    }

    /** What is wrong with the text, or null; text without an exponent is always fine. */
    static String problem(String raw) {
        String text = raw.strip();
        if (!hasExponent(text)) {
            return null;
        }
        // the characters are those of a number, so this rarely throws, and never for ordinary text
        try {
            if (new BigDecimal(text).stripTrailingZeros().scale() > MAX_DECIMALS) {
                return "'" + text + "' reads as a number with more than " + MAX_DECIMALS + " decimals, which the event "
                        + "hash cannot write";
            }
        } catch (NumberFormatException e) {
            // not a number after all: the Event Hash ID keeps it as text
        }
        return null;
    }

    /** Digits, signs and points with an e or E among them, as the Event Hash ID's number test sees it. */
    private static boolean hasExponent(String text) {
        boolean exponent = false;
        boolean digit = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'e' || c == 'E') {
                exponent = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != '+' && c != '-') {
                return false;
            }
        }
        return exponent && digit;
    }
}
