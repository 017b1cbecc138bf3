package city.trace.label;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;
import org.apache.pdfbox.pdmodel.font.encoding.WinAnsiEncoding;

/**
 * Text as the label's fonts can show it and as it fits on a label. The fonts are PDF's standard Helvetica,
 * which viewers and printers bring along, so nothing is embedded; they show WinAnsi (Western European Latin)
 * only, and PDFBox refuses any other character.
 */
final class LabelText {

    static final String ELLIPSIS = "…";
    /** Letters with a stroke, which Unicode does not decompose, and their base letters. */
    private static final String STROKED = "ŁłĐđĦħıŦŧ";
    private static final String UNSTROKED = "LlDdHhiTt";

    private LabelText() {
    }

    /**
     * {@code text} in WinAnsi: whitespace becomes spaces; a character outside WinAnsi loses its accents or
     * stroke where that leaves WinAnsi letters (ő → o, ł → l), and becomes '?' where it does not (Cyrillic, CJK).
     */
    static String winAnsi(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                out.append(' ');
            } else if (isWinAnsi(c)) {
                out.appendCodePoint(c);
            } else {
                out.append(withoutAccents(c));
            }
        });
        return out.toString();
    }

    /**
     * Greedy word wrap into lines of at most {@code maxWidth} points (a word wider than a line is cut); when
     * more than {@code maxLines} lines would be needed, the last one ends in an ellipsis.
     */
    static List<String> wrap(String text, PDFont font, float fontSize, float maxWidth, int maxLines) {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : text.strip().split(" +")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (width(longer, font, fontSize) <= maxWidth) {
                line = longer;
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line);
            }
            line = word;
            while (width(line, font, fontSize) > maxWidth) {
                int fits = fittingLength(line, "", font, fontSize, maxWidth);
                lines.add(line.substring(0, fits));
                line = line.substring(fits);
            }
        }
        lines.add(line);
        if (lines.size() <= maxLines) {
            return lines;
        }
        String last = lines.get(maxLines - 1);
        List<String> kept = new ArrayList<>(lines.subList(0, maxLines - 1));
        kept.add(last.substring(0, fittingLength(last, ELLIPSIS, font, fontSize, maxWidth)).stripTrailing() + ELLIPSIS);
        return kept;
    }

    /** The font size, at most {@code maxSize}, at which {@code text} is {@code maxWidth} points wide or less. */
    static float sizeToFit(String text, PDFont font, float maxSize, float maxWidth) {
        return Math.min(maxSize, maxWidth / width(text, font, 1));
    }

    static float width(String text, PDFont font, float fontSize) {
        try {
            return font.getStringWidth(text) / 1000 * fontSize;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The longest prefix length of {@code text} that, followed by {@code suffix}, fits (at least one character). */
    private static int fittingLength(String text, String suffix, PDFont font, float fontSize, float maxWidth) {
        int length = text.length();
        while (length > 1 && width(text.substring(0, length) + suffix, font, fontSize) > maxWidth) {
            length--;
        }
        return length;
    }

    private static boolean isWinAnsi(int codePoint) {
        return WinAnsiEncoding.INSTANCE.contains(GlyphList.getAdobeGlyphList().codePointToName(codePoint));
    }

    private static String withoutAccents(int codePoint) {
        int stroked = STROKED.indexOf(codePoint);
        if (stroked >= 0) {
            return String.valueOf(UNSTROKED.charAt(stroked));
        }
        StringBuilder base = new StringBuilder();
        Normalizer.normalize(Character.toString(codePoint), Normalizer.Form.NFKD).codePoints()
                .filter(LabelText::isWinAnsi)
                .forEach(base::appendCodePoint);
        return base.isEmpty() ? "?" : base.toString();
    }
}
