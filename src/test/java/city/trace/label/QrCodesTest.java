package city.trace.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class QrCodesTest {

    static final String URI = "https://trace.example.city/01/08712347000026/10/B20261120";
    private static final int BLACK = 0xFF000000;
    private static final int WHITE = 0xFFFFFFFF;
    private static final int SVG_SCALE = 4;

    @ParameterizedTest
    @ValueSource(ints = { 2, QrCodes.DEFAULT_MODULE_SIZE })
    void pngScansToTheExactUriAtLevelQ(int moduleSize) throws Exception {
        BufferedImage image = read(QrCodes.png(URI, moduleSize));

        assertEquals(URI, QrScan.text(image));
        assertEquals("Q", QrScan.errorCorrectionLevel(image));
    }

    @Test
    void pngIsPureBlackOnWhiteWithWholePixelModulesAndAFourModuleQuietZone() throws Exception {
        BufferedImage image = read(QrCodes.png(URI));

        assertEquals(QrMatrix.encode(URI).size() * QrCodes.DEFAULT_MODULE_SIZE, image.getWidth());
        assertEquals(image.getWidth(), image.getHeight());
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                assertTrue(rgb == BLACK || rgb == WHITE, "pure black or white at " + x + "," + y);
            }
        }
        assertFourModuleQuietZone(image, QrCodes.DEFAULT_MODULE_SIZE);
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, -1, QrCodes.MAX_MODULE_SIZE + 1 })
    void refusesModuleSizesOutOfRange(int moduleSize) {
        var e = assertThrows(IllegalArgumentException.class, () -> QrCodes.png(URI, moduleSize));
        assertEquals("module size must be 1 to 40 pixels, not " + moduleSize, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "https://trace.example.city/01/08712347000026/10/Brød", "https://x.city/a b" })
    void refusesWhatIsNoPrintableAsciiUri(String uri) {
        assertThrows(IllegalArgumentException.class, () -> QrCodes.svg(uri));
        assertThrows(IllegalArgumentException.class, () -> QrCodes.png(uri));
    }

    @Test
    void svgIsOnePathInModuleUnitsWithTheQuietZoneInItsViewBoxAndATitle() throws Exception {
        String uri = URI + "?17=261231&linkType=gs1:traceability";
        Element svg = parse(QrCodes.svg(uri)).getDocumentElement();
        int modules = QrMatrix.encode(uri).size();

        assertEquals("svg", svg.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", svg.getNamespaceURI());
        assertEquals("0 0 " + modules + " " + modules, svg.getAttribute("viewBox"));
        assertEquals("crispEdges", svg.getAttribute("shape-rendering"));
        assertEquals("QR code: " + uri, svg.getElementsByTagName("title").item(0).getTextContent());
        assertEquals(1, svg.getElementsByTagName("path").getLength());
        BufferedImage image = rasterise(svg, modules);
        assertFourModuleQuietZone(image, SVG_SCALE);
        assertEquals(uri, QrScan.text(image));
    }

    /** All light in the outer 4 modules, and the finder patterns' outer corners dark right inside them. */
    private static void assertFourModuleQuietZone(BufferedImage image, int pixelsPerModule) {
        int quietZone = 4 * pixelsPerModule;
        int far = image.getWidth() - quietZone;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (Math.min(x, y) < quietZone || Math.max(x, y) >= far) {
                    assertEquals(WHITE, image.getRGB(x, y), "light quiet zone at " + x + "," + y);
                }
            }
        }
        assertEquals(BLACK, image.getRGB(quietZone, quietZone));
        assertEquals(BLACK, image.getRGB(far - 1, quietZone));
        assertEquals(BLACK, image.getRGB(quietZone, far - 1));
    }

    /** Paints the path's runs (M x y h n v1 h-n z) at {@value #SVG_SCALE} px a module, as a browser would. */
    private static BufferedImage rasterise(Element svg, int modules) {
        BufferedImage image = new BufferedImage(modules * SVG_SCALE, modules * SVG_SCALE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, WHITE);
            }
        }
        String d = ((Element) svg.getElementsByTagName("path").item(0)).getAttribute("d");
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\3z").matcher(d);
        int end = 0;
        while (run.find() && run.start() == end) {
            end = run.end();
            int column = Integer.parseInt(run.group(1));
            int row = Integer.parseInt(run.group(2));
            for (int x = column * SVG_SCALE; x < (column + Integer.parseInt(run.group(3))) * SVG_SCALE; x++) {
                for (int y = row * SVG_SCALE; y < (row + 1) * SVG_SCALE; y++) {
                    image.setRGB(x, y, BLACK);
                }
            }
        }
        assertEquals(d.length(), end, "the path is nothing but runs");
        return image;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static BufferedImage read(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }
}
