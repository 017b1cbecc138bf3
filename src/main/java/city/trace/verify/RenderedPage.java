package city.trace.verify;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A rendered public page as sent: encoded and compressed once, for the browsers that accept gzip (all of them), so
 * a page served from the {@link PageCache} costs neither encoding nor compression per visit (Quarkus's own
 * quarkus.http.enable-compression would compress the same kept bytes again on every visit). Only the compressed
 * bytes are kept — a fifth of the page — and inflated for the rare client that takes no gzip.
 */
public record RenderedPage(byte[] gzipped) {

    public static RenderedPage of(String html) {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(bytes.length / 4);
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("compressing in memory", e);
        }
        return new RenderedPage(compressed.toByteArray());
    }

    /** The page's HTML, UTF-8 encoded. */
    public byte[] html() {
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return gzip.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("inflating in memory", e);
        }
    }

    /** The bytes it holds in memory. */
    public int size() {
        return gzipped.length;
    }

    /**
     * Whether a request's {@code Accept-Encoding} (RFC 9110, section 12.5.3) takes gzip: named, or covered by
     * "*", with a weight above 0; "gzip;q=0" refuses it.
     */
    public static boolean gzipAcceptedBy(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Double gzip = null;
        Double any = null;
        for (String element : acceptEncoding.split(",")) {
            String[] parts = element.split(";");
            String coding = parts[0].strip().toLowerCase(Locale.ROOT);
            double weight = weight(parts);
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = weight;
            } else if (coding.equals("*")) {
                any = weight;
            }
        }
        Double chosen = gzip != null ? gzip : any;
        return chosen != null && chosen > 0;
    }

    /** The q parameter of an Accept-Encoding element; 1 when absent, 0 when unreadable. */
    private static double weight(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
                try {
                    return Double.parseDouble(parameter.substring(2).strip());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
