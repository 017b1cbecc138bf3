package city.trace.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

class RenderedPageTest {

    @Test
    void theCompressedPageIsThePage() throws IOException {
        String html = "<!doctype html><title>Waar Milk bread loaf 800 g vandaan komt · 的来源</title>".repeat(50);
        RenderedPage page = RenderedPage.of(html);
        assertArrayEquals(html.getBytes(StandardCharsets.UTF_8), page.html());
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(page.gzipped()))) {
            assertArrayEquals(page.html(), gzip.readAllBytes());
        }
        assertTrue(page.gzipped().length < page.html().length);
    }

    @Test
    void gzipIsSentWhereAcceptEncodingTakesIt() {
        assertTrue(RenderedPage.gzipAcceptedBy("gzip, deflate, br, zstd"));
        assertTrue(RenderedPage.gzipAcceptedBy("GZIP;Q=0.5"));
        assertTrue(RenderedPage.gzipAcceptedBy("x-gzip"));
        assertTrue(RenderedPage.gzipAcceptedBy("br, *;q=0.1"));
        assertTrue(RenderedPage.gzipAcceptedBy("*"));
    }

    @Test
    void gzipIsNotSentWhereAcceptEncodingRefusesOrOmitsIt() {
        assertFalse(RenderedPage.gzipAcceptedBy(null));
        assertFalse(RenderedPage.gzipAcceptedBy(""));
        assertFalse(RenderedPage.gzipAcceptedBy("identity"));
        assertFalse(RenderedPage.gzipAcceptedBy("br, deflate"));
        assertFalse(RenderedPage.gzipAcceptedBy("gzip;q=0, br"));
        assertFalse(RenderedPage.gzipAcceptedBy("gzip;q=0.000"));
        assertFalse(RenderedPage.gzipAcceptedBy("*;q=0"));
        assertFalse(RenderedPage.gzipAcceptedBy("gzip;q=0, *"), "naming gzip outweighs *");
    }
}
