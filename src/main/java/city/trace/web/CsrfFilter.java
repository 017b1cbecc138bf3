package city.trace.web;

import java.net.URI;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Rejects cross-site requests that change state. Two independent checks, so that one browser quirk does
 * not open the door:
 * <ol>
 * <li>Fetch metadata and Origin: an unsafe request whose {@code Sec-Fetch-Site} is not same-origin, or
 * whose {@code Origin} is another origin, is refused (machine clients send neither header);</li>
 * <li>every unsafe request that carries cookies, whatever its content type (a form, JSON, none at all),
 * must carry the {@link CsrfToken} of the browser's CSRF cookie and login session, in the form field or
 * the {@value CsrfToken#HEADER} header.</li>
 * </ol>
 * A request without any cookie needs no token: forgery works by making a browser attach the credentials it
 * holds for this site, and the only ones a browser attaches by itself are cookies (the app offers no HTTP
 * Basic or client-certificate login). Without cookies a request is anonymous or authenticates with an
 * {@code Authorization} header, which another site cannot make a browser send (it needs a CORS preflight,
 * and the app allows none): machine clients with bearer tokens go through unchanged.
 */
public class CsrfFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> SAME_ORIGIN_FETCH = Set.of("same-origin", "none");
    private static final String REJECTED = "This request was refused because it did not come from a CityTrace page "
            + "of your current login (cross-site request forgery protection). Open the form again and send it from there.";

    @Inject
    CsrfToken token;

    @ServerRequestFilter
    @WithFormRead
    public void check(ResteasyReactiveContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(CsrfToken.COOKIE);
        token.bind(cookie == null ? null : cookie.getValue());
        if (SAFE_METHODS.contains(request.getMethod())) {
            return;
        }
        String fetchSite = request.getHeaderString("Sec-Fetch-Site");
        if (fetchSite != null && !SAME_ORIGIN_FETCH.contains(fetchSite)) {
            throw new ForbiddenException(REJECTED);
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && !isOwnOrigin(origin, request)) {
            throw new ForbiddenException(REJECTED);
        }
        if (request.getHeaderString(HttpHeaders.COOKIE) != null && !token.matches(submittedToken(request))) {
            throw new ForbiddenException(REJECTED);
        }
    }

    @ServerResponseFilter
    public void issueCookie(ContainerResponseContext response) {
        if (token.isFresh()) {
            // Secure is added to every cookie by SecurityHeaders when the site is served over TLS
            response.getHeaders().add(HttpHeaders.SET_COOKIE, new NewCookie.Builder(CsrfToken.COOKIE)
                    .value(token.cookieValue()).path("/").httpOnly(true)
                    .sameSite(NewCookie.SameSite.STRICT).build());
        }
    }

    private static boolean isOwnOrigin(String origin, ContainerRequestContext request) {
        try {
            return sameOrigin(request.getUriInfo().getRequestUri(), URI.create(origin));
        } catch (IllegalArgumentException e) {
            return false; // malformed origins are never ours
        }
    }

    /** Whether two absolute addresses have the same scheme, host and port; "null" origins have none. */
    static boolean sameOrigin(URI own, URI claimed) {
        return claimed.getScheme() != null && claimed.getHost() != null
                && own.getScheme().equalsIgnoreCase(claimed.getScheme())
                && own.getHost().equalsIgnoreCase(claimed.getHost())
                && effectivePort(own) == effectivePort(claimed);
    }

    private static int effectivePort(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** The token from the header, else from the form field of a form submission. */
    private static String submittedToken(ResteasyReactiveContainerRequestContext request) {
        String header = request.getHeaderString(CsrfToken.HEADER);
        if (header != null || !isForm(request.getMediaType())) {
            return header;
        }
        var context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
        Object field = context.getFormParameter(CsrfToken.FIELD, true, false);
        return field == null ? null : field.toString();
    }

    /** Whether a request's body is a form as browsers send them (text/plain aside, which parses as no form). */
    static boolean isForm(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
    }
}
