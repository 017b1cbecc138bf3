package city.trace.device.coldchain;

/** Text and numbers as they may stand in SVG markup. */
final class SvgText {

    private SvgText() {
    }

    /**
     * Escaped for element content and attribute values alike; characters XML 1.0 cannot carry at all (control
     * characters, lone surrogates) become U+FFFD, so that no label can make the document ill-formed.
     */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        escaped.append(c).append(text.charAt(++i));
                    } else if (allowedInXml(c)) {
                        escaped.append(c);
                    } else {
                        escaped.append('\uFFFD');
                    }
                }
            }
        }
        return escaped.toString();
    }

    private static boolean allowedInXml(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }

    /** A coordinate with one decimal, without the cost of String.format (a chart writes thousands). */
    static void appendCoordinate(StringBuilder out, double value) {
        long tenths = Math.round(value * 10);
        if (tenths < 0) {
            out.append('-');
            tenths = -tenths;
        }
        out.append(tenths / 10);
        if (tenths % 10 != 0) {
            out.append('.').append(tenths % 10);
        }
    }

    static String coordinate(double value) {
        StringBuilder out = new StringBuilder(8);
        appendCoordinate(out, value);
        return out.toString();
    }
}
