package city.trace.label;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * QR codes of a URI (a batch's GS1 Digital Link) as PNG and SVG, error correction level Q, with a quiet zone
 * of 4 modules on every side. Needs no display: the PNG is drawn into a raster, never through an AWT toolkit.
 */
public final class QrCodes {

    public static final int DEFAULT_MODULE_SIZE = 8;
    /** Keeps a size taken from a request from making huge images (a 100-character URI: 57 modules, 2280 px). */
    public static final int MAX_MODULE_SIZE = 40;

    /** TYPE_BYTE_BINARY's palette: index 0 is black, 1 is white. */
    private static final int BLACK = 0;
    private static final int WHITE = 1;

    private QrCodes() {
    }

    /** The PNG at {@value #DEFAULT_MODULE_SIZE} pixels a module. */
    public static byte[] png(String uri) {
        return png(uri, DEFAULT_MODULE_SIZE);
    }

    /**
     * A 1-bit black-and-white PNG, {@code moduleSize} pixels a module: whole pixels and only pure black and
     * white, so that any decoder (jsQR in a browser, a phone) reads it without guessing edges.
     *
     * @throws IllegalArgumentException when the URI cannot be encoded or {@code moduleSize} is outside
     *         1 … {@value #MAX_MODULE_SIZE}
     */
    public static byte[] png(String uri, int moduleSize) {
        if (moduleSize < 1 || moduleSize > MAX_MODULE_SIZE) {
            throw new IllegalArgumentException(
                    "module size must be 1 to " + MAX_MODULE_SIZE + " pixels, not " + moduleSize);
        }
        QrMatrix qr = QrMatrix.encode(uri);
        int pixels = qr.size() * moduleSize;
        BufferedImage image = new BufferedImage(pixels, pixels, BufferedImage.TYPE_BYTE_BINARY);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < pixels; y++) {
            for (int x = 0; x < pixels; x++) {
                raster.setSample(x, y, 0, qr.isDark(x / moduleSize, y / moduleSize) ? BLACK : WHITE);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // An in-memory stream: ImageIO's default would buffer through a temporary file
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the QR code PNG failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * An SVG drawn in module units (the viewBox spans the code and its quiet zone), so it is sharp at any
     * size; its nominal size is that of the default PNG. The dark modules are one path; the title names the
     * URI for screen readers.
     *
     * @throws IllegalArgumentException when the URI cannot be encoded
     */
    public static String svg(String uri) {
        QrMatrix qr = QrMatrix.encode(uri);
        StringBuilder path = new StringBuilder();
        for (QrMatrix.DarkRun run : qr.darkRuns()) {
            path.append('M').append(run.column()).append(' ').append(run.row())
                    .append('h').append(run.length()).append("v1h-").append(run.length()).append('z');
        }
        return """
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %1$d %1$d" width="%2$d" height="%2$d" \
                shape-rendering="crispEdges" role="img">
                <title>QR code: %3$s</title>
                <rect width="%1$d" height="%1$d" fill="#fff"/>
                <path fill="#000" d="%4$s"/>
                </svg>
                """.formatted(qr.size(), qr.size() * DEFAULT_MODULE_SIZE, xmlText(uri), path);
    }

    private static String xmlText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
