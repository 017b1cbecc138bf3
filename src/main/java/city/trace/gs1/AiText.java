package city.trace.gs1;

/**
 * The character sets of GS1 Application Identifier values and their percent-escaped forms, as used in
 * EPC URNs (TDS) and GS1 Digital Link URIs.
 */
final class AiText {

    /** GS1 AI encodable character set 82, the alphabet of serials, lots and most alphanumeric keys. */
    static final String CSET_82_SYMBOLS = "!\"%&'()*+,-./:;<=>?_";
    /** GS1 AI encodable character set 39, the alphabet of the CPID (AI 8010). */
    private static final String CSET_39_SYMBOLS = "#-/";
    /**
     * Characters an EPC URN must escape (TDS) and, the same ones, a Digital Link path segment (TDS 2.1 and the
     * newest CBV Event Hash ID leave {@code ! ( ) * + , :} literal there; GS1 DL 1.1 still escaped them), so that
     * an EPC URN's component becomes a Digital Link path segment as it is.
     */
    private static final String URN_ESCAPED = "\"%&/<>?#";
    private static final String DIGITAL_LINK_ESCAPED = URN_ESCAPED;

    private AiText() {
    }

    static boolean isCset82(String value) {
        return allMatch(value, CSET_82_SYMBOLS, true);
    }

    static boolean isCset39(String value) {
        return allMatch(value, CSET_39_SYMBOLS, false);
    }

    static boolean isDigits(CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !value.isEmpty();
    }

    /**
     * Decodes an EPC URN component: %HH escapes become characters, and the characters an EPC URN must
     * escape may not appear raw. Returns null when the component is malformed.
     */
    static String decodeUrnComponent(String component) {
        return decode(component, URN_ESCAPED);
    }

    /** Decodes a percent-encoded Digital Link path segment; null when an escape is malformed. */
    static String decodePathSegment(String segment) {
        return decode(segment, "");
    }

    /** Encodes an AI value for a Digital Link path segment. */
    static String encodePathSegment(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (DIGITAL_LINK_ESCAPED.indexOf(c) >= 0) {
                if (out == null) {
                    out = new StringBuilder(value.length() + 8).append(value, 0, i);
                }
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }

    private static String decode(String text, String mustBeEscaped) {
        if (text.indexOf('%') < 0) {
            return containsAny(text, mustBeEscaped) ? null : text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = high >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
                if (low < 0) {
                    return null;
                }
                out.append((char) (high * 16 + low));
                i += 2;
            } else if (mustBeEscaped.indexOf(c) >= 0) {
                return null;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean containsAny(String text, String characters) {
        for (int i = 0; i < characters.length(); i++) {
            if (text.indexOf(characters.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean allMatch(String value, String symbols, boolean lowerCase) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || lowerCase && c >= 'a' && c <= 'z'
                    || symbols.indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return !value.isEmpty();
    }
}
