package city.trace.label;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDFormContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * The drawing of one 70 × 37 mm label, made once as a form XObject that every cell of the sheet shows:
 * the QR code on the left (vector, 30 mm with its quiet zone), the product name and lot on its right, and the
 * GS1 human-readable interpretation along the bottom. Sizes are in PDF points, origin bottom left.
 */
final class LabelArtwork {

    static final float WIDTH = mm(70);
    static final float HEIGHT = mm(37);

    /** GS1's smallest X-dimension (module size) for QR codes on trade items. */
    private static final float MIN_MODULE = mm(0.396);
    private static final float QR_SIDE = mm(30);
    private static final float QR_LEFT = mm(1);
    private static final float QR_BOTTOM = HEIGHT - mm(1) - QR_SIDE;
    private static final float TEXT_LEFT = QR_LEFT + QR_SIDE + mm(1);
    private static final float TEXT_RIGHT = WIDTH - mm(3);
    private static final float NAME_BASELINE = HEIGHT - mm(6);
    private static final float NAME_SIZE = 9;
    private static final int NAME_MAX_LINES = 3;
    private static final float LOT_SIZE = 8;
    private static final float HRI_MAX_SIZE = 7.5f;
    private static final float HRI_LEFT = mm(3);
    private static final float HRI_BASELINE = mm(2.5);
    /** Baseline to baseline, as a multiple of the font size. */
    private static final float LEADING = 1.2f;

    private LabelArtwork() {
    }

    /**
     * @throws IllegalArgumentException when the Digital Link is too long for the code to print with modules
     *         of GS1's minimum size
     */
    static PDFormXObject draw(PDDocument document, Label label) throws IOException {
        QrMatrix qr = QrMatrix.encode(label.digitalLink());
        float module = QR_SIDE / qr.size();
        if (module < MIN_MODULE) {
            throw new IllegalArgumentException("the Digital Link is too long to print scannable on a label ("
                    + label.digitalLink().length() + " characters, " + qr.size() + " modules): shorten it");
        }
        PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        PDFormXObject form = new PDFormXObject(document);
        form.setBBox(new PDRectangle(WIDTH, HEIGHT));
        form.setResources(new PDResources());
        try (PDFormContentStream content = new PDFormContentStream(form)) {
            drawQr(content, qr, module);
            float baseline = NAME_BASELINE;
            String name = LabelText.winAnsi(label.productName());
            for (String line : LabelText.wrap(name, bold, NAME_SIZE, TEXT_RIGHT - TEXT_LEFT, NAME_MAX_LINES)) {
                show(content, line, bold, NAME_SIZE, TEXT_LEFT, baseline);
                baseline -= NAME_SIZE * LEADING;
            }
            baseline -= LOT_SIZE * (LEADING - 1);
            // Lots and the HRI are GS1 character set 82, all WinAnsi: only the name may need replacements
            String lot = "Lot " + label.lot();
            show(content, lot, regular, LabelText.sizeToFit(lot, regular, LOT_SIZE, TEXT_RIGHT - TEXT_LEFT),
                    TEXT_LEFT, baseline);
            String hri = label.humanReadable();
            show(content, hri, regular, LabelText.sizeToFit(hri, regular, HRI_MAX_SIZE, WIDTH - 2 * HRI_LEFT),
                    HRI_LEFT, HRI_BASELINE);
        }
        return form;
    }

    /** All dark modules in one path filled once, so that no seams show between adjacent rectangles. */
    private static void drawQr(PDFormContentStream content, QrMatrix qr, float module) throws IOException {
        float top = QR_BOTTOM + QR_SIDE;
        for (QrMatrix.DarkRun run : qr.darkRuns()) {
            content.addRect(QR_LEFT + run.column() * module, top - (run.row() + 1) * module,
                    run.length() * module, module);
        }
        content.fill();
    }

    private static void show(PDFormContentStream content, String text, PDFont font, float size, float x, float y)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    private static float mm(double millimetres) {
        return (float) (millimetres * 72 / 25.4);
    }
}
