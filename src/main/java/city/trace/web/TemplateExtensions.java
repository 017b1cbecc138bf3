package city.trace.web;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;

/**
 * Formatting used across pages. Every time is printed by {@link #format(Instant, ZoneOffset)}, labelled with its
 * offset: an event's time in the offset the event recorded, other times (when a record was made) in UTC.
 */
@TemplateExtension
public class TemplateExtensions {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A time of the app's own records, in UTC: 2026-12-02 13:05 (UTC); for messages too. */
    public static String display(Instant instant) {
        return format(instant, ZoneOffset.UTC);
    }

    /** An ISO timestamp for {@code <time datetime>}. */
    static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** For a URL path segment: an eventID such as ni:///sha-256;…?ver=CBV2.0 percent-encoded. */
    static String urlEncode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Names in a row ("Delft, Rotterdam"); a dash when there are none. */
    static String listed(java.util.Collection<String> names) {
        return names.isEmpty() ? "—" : String.join(", ", names);
    }

    /**
     * A time as its event recorded it, in the event's eventTimeZoneOffset (+01:00); in UTC when the offset is
     * missing or malformed, and labelled either way.
     */
    static String at(Instant instant, String offset) {
        ZoneOffset zone;
        try {
            zone = offset == null ? ZoneOffset.UTC : ZoneOffset.of(offset);
        } catch (DateTimeException e) {
            zone = ZoneOffset.UTC;
        }
        return format(instant, zone);
    }

    /** A time in the offset a time zone had then, as events recorded in that zone carry it. */
    static String inZone(Instant instant, ZoneId zone) {
        return instant == null ? "" : format(instant, zone.getRules().getOffset(instant));
    }

    /** The one way pages print a time: 2026-12-02 14:05 (UTC+01:00). */
    private static String format(Instant instant, ZoneOffset offset) {
        if (instant == null) {
            return "";
        }
        return LOCAL_TIME.format(instant.atOffset(offset)) + " (UTC"
                + (offset.equals(ZoneOffset.UTC) ? "" : offset.getId()) + ")";
    }

    /** JSON to embed in a {@code <script>} element: with every "&lt;" escaped, nothing in it can end the element. */
    static RawString scriptSafe(String json) {
        return new RawString(json.replace("<", "\\u003c"));
    }

    /** A quantity without trailing zeros or exponent: 1250, 12.5. */
    static String plain(BigDecimal number) {
        return number == null ? "" : number.stripTrailingZeros().toPlainString();
    }

    /** A measurement to one decimal, with a real minus sign: −18.5, 4.0. */
    static String oneDecimal(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value).replace('-', '\u2212');
    }
}
