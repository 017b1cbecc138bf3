package city.trace.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelSheetTest {

    static final Label BREAD = new Label("Noorderlicht Mill & Bakery milk bread", "08712347000026", "B20261120",
            QrCodesTest.URI);
    private static final String HRI = "(01) 08712347000026 (10) B20261120";

    @ParameterizedTest
    @CsvSource({ "1, 1", "24, 1", "25, 2", "48, 2", "500, 21" })
    void fillsA4PagesWith24Labels(int labels, int pages) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(LabelSheet.pdf(BREAD, labels))) {
            assertEquals(pages, pdf.getNumberOfPages());
            assertEquals(PDRectangle.A4.toString(), pdf.getPage(0).getMediaBox().toString());
        }
    }

    @Test
    void everyLabelShowsProductLotAndTheGs1HumanReadableInterpretation() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(LabelSheet.pdf(BREAD, 25))) {
            String firstPage = text(pdf, 1);
            assertEquals(24, occurrences(firstPage, HRI));
            assertEquals(24, occurrences(firstPage, "Lot B20261120"));
            assertEquals(24, occurrences(firstPage.replace('\n', ' '), "Noorderlicht Mill & Bakery milk bread"));
            assertEquals(1, occurrences(text(pdf, 2), HRI));
        }
    }

    @Test
    void theCodeOnThePrintedPageScansToTheDigitalLink() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(LabelSheet.pdf(BREAD, 2))) {
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 150, ImageType.GRAY);
            int cellWidth = page.getWidth() / LabelSheet.COLUMNS;
            int cellHeight = page.getHeight() / LabelSheet.ROWS + 2;
            BufferedImage secondLabel = page.getSubimage(cellWidth, 0, cellWidth, cellHeight);

            assertEquals(QrCodesTest.URI, QrScan.text(secondLabel));
            assertEquals("Q", QrScan.errorCorrectionLevel(secondLabel));
        }
    }

    @Test
    void namesOutsideWinAnsiArePrintedWithReplacementsInsteadOfFailing() throws IOException {
        Label label = new Label("Łódź Piekarnia 東京", "08712347000026", "B20261120", QrCodesTest.URI);
        try (PDDocument pdf = Loader.loadPDF(LabelSheet.pdf(label, 1))) {
            assertTrue(text(pdf, 1).contains("Lódz Piekarnia ??"), text(pdf, 1));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, -3, LabelSheet.MAX_LABELS + 1 })
    void refusesCountsOutside1To500(int count) {
        var e = assertThrows(IllegalArgumentException.class, () -> LabelSheet.pdf(BREAD, count));
        assertEquals("the number of labels must be 1 to 500, not " + count, e.getMessage());
    }

    @Test
    void refusesADigitalLinkTooLongToPrintWithGs1sSmallestModules() {
        Label label = new Label("Bread", "08712347000026", "B20261120", QrCodesTest.URI + "?x=" + "a".repeat(300));
        var e = assertThrows(IllegalArgumentException.class, () -> LabelSheet.pdf(label, 1));
        assertTrue(e.getMessage().startsWith("the Digital Link is too long to print scannable on a label"));
    }

    private static String text(PDDocument pdf, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(pdf);
    }

    private static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
