package city.trace.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LabelTest {

    private static final String LINK = QrCodesTest.URI;

    @Test
    void humanReadableInterpretationPutsTheAisInParentheses() {
        assertEquals("(01) 08712347000026 (10) B20261120", LabelSheetTest.BREAD.humanReadable());
    }

    @Test
    void keepsAShorterGtinAsGtin14AndAcceptsAnyDomainAndQueryOnTheLink() {
        Label label = new Label("Bread", "8712347000026", "B20261120",
                "https://labels.example.org/trace/01/08712347000026/10/B20261120?linkType=all");
        assertEquals("08712347000026", label.gtin());
    }

    @Test
    void refusesALinkThatNamesAnotherLotThanTheLabelShows() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Label("Bread", "08712347000026", "B20261121", LINK));
        assertEquals("the Digital Link " + LINK + " does not name GTIN 08712347000026 lot B20261121", e.getMessage());
    }

    @Test
    void refusesAWrongGtinCheckDigit() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Label("Bread", "08712347000027", "B20261120", LINK));
        assertEquals("GTIN check digit is wrong: expected 6, found 7", e.getMessage());
    }

    @Test
    void refusesBlankFieldsAndLinksThatAreNoDigitalLink() {
        assertEquals("product name is required", assertThrows(IllegalArgumentException.class,
                () -> new Label(" ", "08712347000026", "B20261120", LINK)).getMessage());
        assertEquals("not a GS1 Digital Link: https://trace.example.city/batches/7", assertThrows(
                IllegalArgumentException.class,
                () -> new Label("Bread", "08712347000026", "B20261120", "https://trace.example.city/batches/7"))
                .getMessage());
    }
}
