package city.trace.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page starts: the sort key and id of the last row of the page before (keyset paging, so a page
 * deep into a million events costs what the first one does and rows captured meanwhile shift nothing).
 */
record Cursor(String key, long id) {

    private static final char SEPARATOR = '\n';

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((key + SEPARATOR + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Empty when the text is no cursor this page wrote. */
    static Optional<Cursor> decode(String text) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int separator = decoded.lastIndexOf(SEPARATOR);
            return separator < 0 ? Optional.empty()
                    : Optional.of(new Cursor(decoded.substring(0, separator), Long.parseLong(decoded.substring(separator + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
