package city.trace.label;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * A printable PDF of labels for a lot: A4 portrait pages of 3 × 8 labels of 70 × 37 mm without gaps (the
 * layout of common 24-up label stock), filled row by row, as many pages as the count needs.
 */
public final class LabelSheet {

    public static final int MAX_LABELS = 500;
    static final int COLUMNS = 3;
    static final int ROWS = 8;
    static final int LABELS_PER_PAGE = COLUMNS * ROWS;

    private LabelSheet() {
    }

    /**
     * @param count 1 … {@value #MAX_LABELS}
     * @throws IllegalArgumentException when the count is out of range or the Digital Link is too long to
     *         print scannable on a label
     */
    public static byte[] pdf(Label label, int count) {
        Objects.requireNonNull(label, "label");
        if (count < 1 || count > MAX_LABELS) {
            throw new IllegalArgumentException(
                    "the number of labels must be 1 to " + MAX_LABELS + ", not " + count);
        }
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle("Labels: " + label.productName() + ", lot " + label.lot());
            document.getDocumentInformation().setCreator("CityTrace");
            // Drawn once, placed on every cell: the file grows by a few bytes a label, not by a QR code
            PDFormXObject artwork = LabelArtwork.draw(document, label);
            for (int placed = 0; placed < count; placed += LABELS_PER_PAGE) {
                addPage(document, artwork, Math.min(LABELS_PER_PAGE, count - placed));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the label sheet failed", e);
        }
    }

    private static void addPage(PDDocument document, PDFormXObject artwork, int labels) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        PDRectangle paper = page.getMediaBox();
        float left = (paper.getWidth() - COLUMNS * LabelArtwork.WIDTH) / 2;
        float top = (paper.getHeight() + ROWS * LabelArtwork.HEIGHT) / 2;
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            for (int i = 0; i < labels; i++) {
                content.saveGraphicsState();
                content.transform(Matrix.getTranslateInstance(left + i % COLUMNS * LabelArtwork.WIDTH,
                        top - (i / COLUMNS + 1) * LabelArtwork.HEIGHT));
                content.drawForm(artwork);
                content.restoreGraphicsState();
            }
        }
    }
}
