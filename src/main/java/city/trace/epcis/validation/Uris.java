package city.trace.epcis.validation;

import java.util.HexFormat;

/**
 * Absolute URIs as EPCIS fields of type URI want them (RFC 3986 syntax, also IRIs with non-ASCII letters):
 * a scheme, a colon and at least one character that a URI may contain. CURIEs such as {@code example:batch}
 * have this form too, which is how JSON-LD lets them stand for URIs.
 */
final class Uris {

    /** The ASCII characters other than letters and digits that may appear after the scheme. */
    private static final String ALLOWED = "-._~:/?#[]@!$&'()*+,;=%";

    private Uris() {
    }

    static boolean isUri(String text) {
        int colon = schemeEnd(text);
        if (colon < 0 || colon == text.length() - 1) {
            return false;
        }
        for (int i = colon + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || !HexFormat.isHexDigit(text.charAt(i + 1))
                        || !HexFormat.isHexDigit(text.charAt(i + 2))) {
                    return false;
                }
            } else if (c < 0x80 ? !isAlphanumeric(c) && ALLOWED.indexOf(c) < 0 : Character.isISOControl(c)
                    || Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * True for an object key that names an extension: a CURIE ({@code example:myField}) or a full URI. Bare
     * names are reserved to the standard.
     */
    static boolean isNamespaced(String key) {
        int colon = schemeEnd(key);
        return colon > 0 && colon < key.length() - 1;
    }

    /** The index of the colon that ends a valid scheme (a letter, then letters, digits, + - .), or -1. */
    private static int schemeEnd(String text) {
        if (text.isEmpty() || !isLetter(text.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':') {
                return i;
            }
            if (!isAlphanumeric(c) && c != '+' && c != '-' && c != '.') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isAlphanumeric(char c) {
        return isLetter(c) || c >= '0' && c <= '9';
    }
}
