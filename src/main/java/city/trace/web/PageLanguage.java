package city.trace.verify;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.quarkus.qute.TemplateExtension;

/**
 * The language of a public page: the visitor's choice (the switcher's {@code ?lang=}, remembered in a cookie),
 * else the best match of their browser's Accept-Language, else English.
 */
public final class PublicLocale {

    /** The languages of the public pages, the first being the default. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("nl"),
            Locale.forLanguageTag("zh"));
    public static final String COOKIE = "lang";

    private PublicLocale() {
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
        return path + (path.contains("?") ? "&" : "?") + "lang=" + language;
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
