package city.trace.verify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * A rendered public page as sent: encoded once, and compressed once for the browsers that accept gzip (all of
 * them), so a page served from the {@link PageCache} costs neither encoding nor compression per visit.
 */
public record RenderedPage(byte[] html, byte[] gzipped) {

    public static RenderedPage of(String html) {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(bytes.length / 4);
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("compressing in memory", e);
        }
        return new RenderedPage(bytes, compressed.toByteArray());
    }
}
