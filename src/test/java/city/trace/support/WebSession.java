package city.trace.support;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser's session with the app under test, logged in through the real Keycloak login page (code flow
 * with PKCE) as a person does: cookies kept as browsers keep them for http://localhost, redirects followed.
 */
public final class WebSession {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]+action=\"([^\"]+)\"");

    private final URI app;
    /** Keycloak's address; null for the test resource's */
    private final String keycloak;
    private final LocalhostBrowserCookies cookies = new LocalhostBrowserCookies();
    private final HttpClient browser;
    private final HttpClient withoutRedirects;

    public WebSession(URI app) {
        this(app, null);
    }

    /** A browser for an app that signs in at {@code keycloak} (a benchmark's stack, not the tests'). */
    public WebSession(URI app, String keycloak) {
        this.app = app;
        this.keycloak = keycloak;
        this.browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.withoutRedirects = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** A new browser that opened the dashboard and logged in as {@code user} (the password is the user name). */
    public static WebSession loggedIn(URI app, String user) {
        return loggedIn(new WebSession(app), user);
    }

    /** {@code session}, logged in as {@code user} (the password is the user name) from the dashboard. */
    public static WebSession loggedIn(WebSession session, String user) {
        URI app = session.app;
        HttpResponse<String> dashboard = session.logIn(session.get("/dashboard"), user, user);
        if (!dashboard.uri().equals(app.resolve("/dashboard"))) {
            throw new AssertionError(user + " did not get to the dashboard: " + dashboard.uri());
        }
        return session;
    }

    /** Opens a page of the app (or any address), following redirects. */
    public HttpResponse<String> get(String pathOrUrl) {
        return send(browser, HttpRequest.newBuilder(app.resolve(pathOrUrl)).header("Accept", "text/html"));
    }

    /** Follows a link of a page as a browser does, taking any type it is given (its Accept header). */
    public HttpResponse<String> follow(String href) {
        return send(browser, HttpRequest.newBuilder(app.resolve(href.replace("&amp;", "&")))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
    }

    /** Opens a page of the app and stops at the first answer, a redirect included. */
    public HttpResponse<String> getWithoutRedirects(String path) {
        return send(withoutRedirects, HttpRequest.newBuilder(app.resolve(path)).header("Accept", "text/html"));
    }

    /** Posts a form as the browser does, following redirects. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        return send(browser, HttpRequest.newBuilder(app.resolve(path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
    }

    /** The form page at {@code path}: this browser's CSRF cookie and the page's token. */
    public Browser.Form form(String path) {
        HttpResponse<String> page = get(path);
        if (page.statusCode() != 200) {
            throw new AssertionError(path + " answered " + page.statusCode());
        }
        return new Browser.Form(cookies().get("citytrace-csrf"), Browser.tokenOn(page.body(), path));
    }

    /** Fills in Keycloak's login form on {@code loginPage} and submits it; returns where the browser lands. */
    public HttpResponse<String> logIn(HttpResponse<String> loginPage, String user, String password) {
        if (!loginPage.uri().toString().startsWith(keycloak != null ? keycloak : KeycloakResource.url())) {
            throw new AssertionError("expected Keycloak's login page, got " + loginPage.uri());
        }
        Matcher action = FORM_ACTION.matcher(loginPage.body());
        if (!action.find()) {
            throw new AssertionError("no login form on Keycloak's page");
        }
        return send(browser, HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(encode(Map.of("username", user, "password", password)))));
    }

    /** The cookies this browser holds for the app, by name. */
    public Map<String, String> cookies() {
        return cookies.of(app);
    }

    /** One of the app's cookies, with what is left of its lifetime. */
    public Optional<HttpCookie> cookie(String name) {
        return cookies.find(app, name);
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
