package city.trace.web;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;

/** Formatting used across pages. Times are shown in UTC, labelled, as events record them. */
@TemplateExtension
public class TemplateExtensions {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    static String display(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** An ISO timestamp for {@code <time datetime>}. */
    static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** For a URL path segment: an eventID such as ni:///sha-256;…?ver=CBV2.0 percent-encoded. */
    static String urlEncode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A time as the event recorded it, in its own offset: 2026-11-20 06:30 +01:00 (UTC when none). */
    static String at(Instant instant, String offset) {
        if (instant == null) {
            return "";
        }
        ZoneOffset zone;
        try {
            zone = offset == null ? ZoneOffset.UTC : ZoneOffset.of(offset);
        } catch (DateTimeException e) {
            zone = ZoneOffset.UTC;
        }
        return LOCAL_TIME.format(instant.atOffset(zone)) + " " + (zone == ZoneOffset.UTC ? "UTC" : zone.getId());
    }

    /** JSON to embed in a {@code <script>} element: with every "&lt;" escaped, nothing in it can end the element. */
    static RawString scriptSafe(String json) {
        return new RawString(json.replace("<", "\\u003c"));
    }

    /** A quantity without trailing zeros or exponent: 1250, 12.5. */
    static String plain(BigDecimal number) {
        return number == null ? "" : number.stripTrailingZeros().toPlainString();
    }
}
