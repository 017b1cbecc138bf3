package city.trace.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.qute.TemplateExtension;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/**
 * The language of a page: the visitor's choice (the switcher's {@code ?lang=}, remembered in a cookie), else
 * the best match of their browser's Accept-Language, else English. Every page's layout words and the public
 * pages are translated; see {@link CurrentPage} for how each page gets its language.
 */
public final class PageLanguage {

    /** The languages of the pages, the first being the default. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("nl"),
            Locale.forLanguageTag("zh"));
    public static final String COOKIE = "lang";
    /** The query parameter of the switcher's links. */
    public static final String PARAMETER = "lang";

    private PageLanguage() {
    }

    /** The language of the page a request asks for. */
    public static Locale of(HttpServerRequest request) {
        Cookie remembered = request.getCookie(COOKIE);
        return resolve(request.getParam(PARAMETER), remembered == null ? null : remembered.getValue(),
                request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    public static Locale resolve(String chosen, String remembered, String acceptLanguage) {
        return supported(chosen).or(() -> supported(remembered)).or(() -> fromHeader(acceptLanguage))
                .orElse(SUPPORTED.getFirst());
    }

    /** The supported language a tag names ("nl", "zh-CN", "en-GB"), if any. */
    public static Optional<Locale> supported(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip()).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    /** The switcher's link to a page (whose path may carry a query) in another language. */
    @TemplateExtension
    static String inLanguage(String path, String language) {
        return path + (path.contains("?") ? "&" : "?") + PARAMETER + "=" + language;
    }

    private static Optional<Locale> fromHeader(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
