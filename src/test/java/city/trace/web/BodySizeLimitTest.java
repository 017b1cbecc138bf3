package city.trace.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A body over the server's limit (quarkus.http.limits.max-body-size, 40 MiB) is refused before it is read,
 * with a 413 that says so. The test announces such a body and sends none, as a client waiting for
 * {@code 100 Continue} would.
 */
@QuarkusTest
class BodySizeLimitTest {

    private static final long LIMIT = 40L * 1024 * 1024;

    @TestHTTPResource("/")
    URI server;

    private String exchange(String path, String accept) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Accept: " + accept + "\r\nContent-Length: " + (LIMIT + 1) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void programsGetAProblemNamingTheLimit() throws IOException {
        String answer = exchange("/api/event-hash", "application/json");
        assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
        assertTrue(answer.contains("\"status\":413"), answer);
        assertTrue(answer.contains(LIMIT + " bytes"), answer);
        assertTrue(answer.contains(String.valueOf(LIMIT + 1)), answer);
    }

    @Test
    void browsersToo() throws IOException {
        // no page sends such bodies: a problem for everyone (see BodySizeLimit)
        String answer = exchange("/", "text/html,application/xhtml+xml");
        assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
        assertTrue(answer.contains("\"status\":413"), answer);
        assertTrue(answer.contains("40 MiB"), answer);
    }
}
