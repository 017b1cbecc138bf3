package city.trace.web;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import city.trace.web.WebConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Security headers on every response, whoever writes it (pages, APIs, static files, error pages, login
 * redirects): they are set just before the headers go out.
 * <ul>
 * <li>a Content-Security-Policy that runs only the app's own script files (the pages have no inline script or
 * style; a {@code <script type="application/json">} data block is not run), lets nobody frame the pages, and
 * lets forms post to the app and to the login server (a form posted after the session ended is redirected
 * there, and browsers check redirects of a form against {@code form-action});</li>
 * <li>X-Frame-Options and X-Content-Type-Options for browsers that predate CSP's frame-ancestors or sniff
 * types, and a Referrer-Policy that keeps the app's addresses from other sites;</li>
 * <li>{@code Cache-Control: no-store} on what is served to a signed-in user, unless the response says
 * otherwise (static files keep their caching): nothing personal stays in a shared computer's cache;</li>
 * <li>Secure on every cookie set by the app when {@link WebConfig#secureCookies()} or the request came over
 * HTTPS (quarkus-oidc marks its own session cookies likewise, see application.properties).</li>
 * </ul>
 */
@ApplicationScoped
public class SecurityHeaders {

    private static final Pattern SECURE_ATTRIBUTE = Pattern.compile("(?i);\\s*Secure\\s*(;|$)");

    @Inject
    WebConfig config;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String loginServer;

    void install(@Observes Router router) {
        String policy = contentSecurityPolicy(URI.create(loginServer));
        boolean devMode = LaunchMode.current() == LaunchMode.DEVELOPMENT;
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            ctx.addHeadersEndHandler(ignored -> {
                // in dev mode Quarkus's own tools under /q/ (Dev UI, Swagger UI) come with inline scripts
                boolean devTool = devMode && ctx.request().path().startsWith("/q/");
                decorate(ctx, devTool ? null : policy);
            });
            ctx.next();
        });
    }

    static String contentSecurityPolicy(URI loginServer) {
        String loginOrigin = loginServer.getScheme() + "://" + loginServer.getRawAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; "
                + "base-uri 'none'; form-action 'self' " + loginOrigin + "; frame-ancestors 'none'";
    }

    private void decorate(RoutingContext ctx, String policy) {
        MultiMap headers = ctx.response().headers();
        if (policy != null) {
            headers.set("Content-Security-Policy", policy);
        }
        headers.set("X-Frame-Options", "DENY");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "same-origin");
        if (signedIn(ctx) && !headers.contains(HttpHeaders.CACHE_CONTROL)) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        List<String> cookies = headers.getAll(HttpHeaders.SET_COOKIE);
        if (!cookies.isEmpty() && (config.secureCookies() || ctx.request().isSSL())) {
            headers.set(HttpHeaders.SET_COOKIE, secure(cookies));
        }
    }

    private static boolean signedIn(RoutingContext ctx) {
        return ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous();
    }

    /** The {@code Set-Cookie} values with the Secure attribute added where it is missing. */
    static List<String> secure(List<String> setCookies) {
        return setCookies.stream().map(c -> SECURE_ATTRIBUTE.matcher(c).find() ? c : c + "; Secure").toList();
    }
}
