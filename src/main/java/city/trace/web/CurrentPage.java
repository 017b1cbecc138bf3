package city.trace.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import io.vertx.core.http.HttpServerRequest;

/**
 * The page being answered, as the layout needs it: its language ({@link PageLanguage}) and the address the
 * language switcher links to. Templates read {@code inject:page}.
 */
@RequestScoped
@Named("page")
public class CurrentPage {

    @Inject
    HttpServerRequest request;

    private Locale locale;

    public Locale locale() {
        if (locale == null && request == null) {
            locale = PageLanguage.SUPPORTED.getFirst(); // a request context without an HTTP request
        } else if (locale == null) {
            locale = PageLanguage.of(request);
        }
        return locale;
    }

    /** This page's path and query as the browser sent them, without the language chosen before. */
    public String languagePath() {
        String query = request == null || request.query() == null ? "" : Arrays.stream(request.query().split("&"))
                .filter(part -> !part.isEmpty() && !part.equals(PageLanguage.PARAMETER)
                        && !part.startsWith(PageLanguage.PARAMETER + "="))
                .collect(Collectors.joining("&"));
        return (request == null ? "/" : request.path()) + (query.isEmpty() ? "" : "?" + query);
    }
}
