package city.trace.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class LabelTextTest {

    private static final PDFont HELVETICA = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    @Test
    void keepsWinAnsiAndReplacesTheRest() {
        assertEquals("Stadsmarkt Rotterdam", LabelText.winAnsi("Stadsmarkt Rotterdam"));
        assertEquals("Crème brûlée Œuf € Straße", LabelText.winAnsi("Crème brûlée Œuf € Straße"));
        assertEquals("Kozlo Gyor Lodz fi", LabelText.winAnsi("Kozło Győr Łodz ﬁ"));
        assertEquals("????? ??", LabelText.winAnsi("Хлебъ 東京"));
        assertEquals("a b", LabelText.winAnsi("a\tb"));
    }

    @Test
    void wrapsAtWordsAndEndsAnOverflowingLastLineWithAnEllipsis() {
        float width = LabelText.width("Noorderlicht Mill", HELVETICA, 9);

        assertEquals(List.of("Noorderlicht Mill", "& Bakery"),
                LabelText.wrap("Noorderlicht Mill & Bakery", HELVETICA, 9, width, 3));
        List<String> two = LabelText.wrap("Noorderlicht Mill & Bakery milk bread 800 g", HELVETICA, 9, width, 2);
        assertEquals(2, two.size());
        assertTrue(two.get(1).endsWith(LabelText.ELLIPSIS), two.get(1));
        assertTrue(LabelText.width(two.get(1), HELVETICA, 9) <= width);
    }

    @Test
    void cutsAWordWiderThanALine() {
        float width = LabelText.width("Noorder", HELVETICA, 9);
        assertEquals(List.of("Noorder", "licht"), LabelText.wrap("Noorderlicht", HELVETICA, 9, width, 3));
    }
}
