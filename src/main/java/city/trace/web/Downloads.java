package city.trace.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Files the app hands out (QR codes, label sheets, proof bundles), with a name safe on every system. */
public final class Downloads {

    private Downloads() {
    }

    /** Shown in the browser (an image), saved under {@code name} when the user chooses to. */
    public static Response inline(Object content, String mediaType, String name) {
        return file(content, mediaType, "inline", name);
    }

    /** Saved rather than shown. */
    public static Response attachment(Object content, String mediaType, String name) {
        return file(content, mediaType, "attachment", name);
    }

    /** A file name made of the given parts, joined by "-", with what a file name cannot hold replaced. */
    public static String fileName(String... parts) {
        return String.join("-", parts).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static Response file(Object content, String mediaType, String disposition, String name) {
        return Response.ok(content, mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition + "; filename=\"" + fileName(name) + "\"").build();
    }
}
