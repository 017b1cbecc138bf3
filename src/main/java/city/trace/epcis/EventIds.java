package city.trace.epcis;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import io.vertx.core.http.HttpServerRequest;

/** Reads an eventID written into a URL path. */
public final class EventIds {

    private EventIds() {
    }

    /**
     * The eventID as the client wrote it after {@code marker} (e.g. "/events/"), percent-encoded or not: read
     * from the raw request target, because Event Hash IDs contain ';' (a matrix parameter separator for
     * JAX-RS) and, unencoded, a "?ver=…" that would otherwise be taken for the query string.
     */
    public static String fromPath(HttpServerRequest request, String marker) {
        String target = request.uri();
        String raw = target.substring(target.indexOf(marker) + marker.length());
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
