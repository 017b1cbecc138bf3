package city.trace.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

/** Formatting used across pages. Times are shown in UTC, labelled, as events record them. */
@TemplateExtension
public class TemplateExtensions {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    static String display(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** An ISO timestamp for {@code <time datetime>}. */
    static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** The short name of a CBV term URI: https://ref.gs1.org/cbv/BizStep-shipping is shipping. */
    static String term(String uri) {
        int dash = uri.startsWith("https://ref.gs1.org/cbv/") ? uri.indexOf('-') : -1;
        return dash > 0 ? uri.substring(dash + 1) : uri;
    }

    /** For a URL path segment: an eventID such as ni:///sha-256;…?ver=CBV2.0 percent-encoded. */
    static String urlEncode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A quantity without trailing zeros or exponent: 1250, 12.5. */
    static String plain(BigDecimal number) {
        return number == null ? "" : number.stripTrailingZeros().toPlainString();
    }
}
