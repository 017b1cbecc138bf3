package city.trace.label;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

/**
 * The modules of the QR code of a URI, quiet zone included, in module coordinates (column, row) from the
 * top left. The PNG, the SVG and the PDF label all draw this one matrix.
 */
final class QrMatrix {

    /**
     * Q restores about 25 % of the code, M (GS1's minimum) 15 %. Labels on packaging get scuffed, folded and
     * wet; the price is a slightly larger symbol (a 57-character Digital Link takes 37 modules instead of 33),
     * which the label's 30 mm still prints at about 0.67 mm a module, well above GS1's 0.396 mm minimum.
     */
    static final ErrorCorrectionLevel ERROR_CORRECTION = ErrorCorrectionLevel.Q;
    /** Light modules on every side: the minimum of ISO/IEC 18004 and GS1, without which scanners misread. */
    static final int QUIET_ZONE = 4;

    /** A horizontal run of dark modules in one row, drawn as one rectangle. */
    record DarkRun(int row, int column, int length) {
    }

    private final ByteMatrix code;

    private QrMatrix(ByteMatrix code) {
        this.code = code;
    }

    /**
     * @throws IllegalArgumentException when the URI is blank, holds characters a URI may not hold unescaped
     *         (anything but printable ASCII) or is too long for any QR code
     */
    static QrMatrix encode(String uri) {
        Objects.requireNonNull(uri, "uri");
        if (uri.isEmpty() || !uri.chars().allMatch(c -> c > ' ' && c < 0x7F)) {
            // Encoded as-is, other characters would need an ECI header that some phone scanners ignore
            throw new IllegalArgumentException(
                    "a QR code's URI must be printable ASCII without spaces (percent-encode the rest): '" + uri + "'");
        }
        try {
            return new QrMatrix(Encoder.encode(uri, ERROR_CORRECTION).getMatrix());
        } catch (WriterException e) {
            throw new IllegalArgumentException("URI too long for a QR code: " + uri.length() + " characters", e);
        }
    }

    /** Modules on a side, quiet zone included. */
    int size() {
        return code.getWidth() + 2 * QUIET_ZONE;
    }

    boolean isDark(int column, int row) {
        int x = column - QUIET_ZONE;
        int y = row - QUIET_ZONE;
        return x >= 0 && y >= 0 && x < code.getWidth() && y < code.getHeight() && code.get(x, y) == 1;
    }

    /** The dark modules as horizontal runs, row by row: far fewer shapes to draw than single modules. */
    List<DarkRun> darkRuns() {
        List<DarkRun> runs = new ArrayList<>();
        for (int row = 0; row < size(); row++) {
            int column = 0;
            while (column < size()) {
                int start = column;
                while (column < size() && isDark(column, row)) {
                    column++;
                }
                if (column > start) {
                    runs.add(new DarkRun(row, start, column - start));
                } else {
                    column++;
                }
            }
        }
        return runs;
    }
}
