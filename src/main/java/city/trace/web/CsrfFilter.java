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
 * <li>every form submission (the only unsafe request another site can make a browser send without a CORS
 * preflight) must carry the {@link CsrfToken} bound to the browser's CSRF cookie.</li>
 * </ol>
 */
public class CsrfFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> SAME_ORIGIN_FETCH = Set.of("same-origin", "none");
    private static final String REJECTED = "This request was refused because it did not come from a CityTrace page "
            + "(cross-site request forgery protection). Reload the page and try again.";

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
        if (isFormSubmission(request.getMediaType())) {
            var context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
            Object submitted = context.getFormParameter(CsrfToken.FIELD, true, false);
            if (cookie == null || !CsrfToken.matches(cookie.getValue(), submitted == null ? null : submitted.toString())) {
                throw new ForbiddenException(REJECTED);
            }
        }
    }

    @ServerResponseFilter
    public void issueCookie(ContainerRequestContext request, ContainerResponseContext response) {
        if (token.isFresh()) {
            boolean https = "https".equals(request.getUriInfo().getRequestUri().getScheme());
            response.getHeaders().add(HttpHeaders.SET_COOKIE, new NewCookie.Builder(CsrfToken.COOKIE)
                    .value(token.cookieValue()).path("/").httpOnly(true).secure(https)
                    .sameSite(NewCookie.SameSite.STRICT).build());
        }
    }

    private static boolean isOwnOrigin(String origin, ContainerRequestContext request) {
        URI own = request.getUriInfo().getRequestUri();
        try {
            URI claimed = URI.create(origin);
            return own.getScheme().equalsIgnoreCase(claimed.getScheme())
                    && own.getHost().equalsIgnoreCase(claimed.getHost())
                    && effectivePort(own) == effectivePort(claimed);
        } catch (IllegalArgumentException | NullPointerException e) {
            return false; // "null" and malformed origins are never ours
        }
    }

    private static int effectivePort(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static boolean isFormSubmission(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)
                || type.isCompatible(MediaType.TEXT_PLAIN_TYPE));
    }
}
