package city.trace.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.ForbiddenException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;

/**
 * Every error becomes a friendly page for people and an RFC 9457 problem document for programs
 * (paths under /api and /epcis, or clients that do not accept HTML).
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        /** {@code back}: the form to go back to, with what was typed (js/forms.js), or null. */
        static native TemplateInstance error(int status, String title, String message, String incident, String back);
    }

    @ConfigProperty(name = "quarkus.http.limits.max-form-attribute-size")
    MemorySize formFieldLimit;

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders headers, Request request) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri, headers);
        }
        String message = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? null : e.getMessage();
        if (status == 413 && CsrfFilter.isForm(headers.getMediaType())) {
            // the form parser stops at the first field over the limit (quarkus.http.limits.max-form-attribute-size)
            message = "One field of the form was longer than " + kilobytes(formFieldLimit) + ", the most a field "
                    + "may hold, so nothing was saved. Shorten that text and send the form again.";
        }
        // refused for how it was sent (forgery check, size), not for what it says: offer the form again
        String back = (status == 403 || status == 413) && !"GET".equals(request.getMethod())
                ? formPage(headers.getHeaderString("Referer"), uri) : null;
        return respond(e.getResponse().getStatusInfo(), message, null, back, uri, headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return respond(Response.Status.FORBIDDEN, e.getMessage(), null, null, uri, headers);
    }

    @ServerExceptionMapper
    public Response invalidForm(InvalidFormException e, UriInfo uri, HttpHeaders headers) {
        return respond(Response.Status.BAD_REQUEST, String.join("; ", e.errors().all().values()), null, null, uri,
                headers);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri, HttpHeaders headers) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Incident %s: %s %s failed", incident, uri.getRequestUri().getPath(), e);
        return respond(Response.Status.INTERNAL_SERVER_ERROR, null, incident, null, uri, headers);
    }

    /** Requests that no resource or static file answered get the same not-found page (or problem). */
    void notFoundPage(@Observes Router router) {
        router.route().last().handler(ctx -> {
            String path = ctx.request().path();
            List<MediaType> accepted = ctx.parsedHeaders().accept().stream()
                    .map(a -> MediaType.valueOf(a.rawValue())).toList();
            if (isNegotiated(path)) {
                ctx.response().putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
            }
            if (wantsProblem(path, accepted)) {
                ctx.response().setStatusCode(404).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .end(Json.encode(Problem.of(Response.Status.NOT_FOUND, "No resource at " + path, path)));
            } else {
                ctx.response().setStatusCode(404)
                        .putHeader(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_HTML + ";charset=UTF-8")
                        .end(Templates.error(404, title(Response.Status.NOT_FOUND), null, null, null).render());
            }
        });
    }

    /** An error answer: the error page for people, a plain problem document for programs. */
    public static Response respond(Response.StatusType status, String message, UriInfo uri, HttpHeaders headers) {
        return respond(status, message, null, null, uri, headers);
    }

    private static Response respond(Response.StatusType status, String message, String incident, String back,
            UriInfo uri, HttpHeaders headers) {
        String path = uri.getRequestUri().getPath();
        Response.ResponseBuilder response;
        if (wantsProblem(path, headers.getAcceptableMediaTypes())) {
            String detail = message != null ? message
                    : incident != null ? "Unexpected error; quote incident " + incident + " when reporting it" : null;
            response = Response.fromResponse(Problem.of(status, detail, path).toResponse());
        } else {
            response = Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.error(status.getStatusCode(), title(status), message, incident, back));
        }
        return (isNegotiated(path) ? response.header(HttpHeaders.VARY, HttpHeaders.ACCEPT) : response).build();
    }

    /**
     * The page the refused form was on, from the request's Referer when it is one of ours (the Referrer-Policy
     * sends it to this site only), with the query that asks js/forms.js to fill in what was typed.
     */
    private static String formPage(String referer, UriInfo uri) {
        if (referer == null) {
            return null;
        }
        try {
            URI page = URI.create(referer);
            return CsrfFilter.sameOrigin(uri.getRequestUri(), page) && page.getRawPath().startsWith("/")
                    ? page.getRawPath() + "?" + Forms.RESUBMIT : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** 16384 bytes as "16 KB". */
    private static String kilobytes(MemorySize size) {
        long bytes = size.asLongValue();
        return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    /** Paths of programs always get problems; elsewhere the page or the problem is chosen by Accept. */
    private static boolean isNegotiated(String path) {
        return !path.startsWith("/api/") && !path.startsWith("/epcis/") && !path.startsWith("/q/");
    }

    /** Whether the answer to this request is a problem document rather than a page. */
    public static boolean wantsProblem(String path, List<MediaType> accepted) {
        if (!isNegotiated(path)) {
            return true;
        }
        return !accepted.isEmpty() && accepted.stream().noneMatch(t -> t.isCompatible(MediaType.TEXT_HTML_TYPE));
    }

    private static String title(Response.StatusType status) {
        return switch (status.getStatusCode()) {
            case 404 -> "We could not find that page";
            case 403 -> "You do not have access to this";
            case 400 -> "Something in the request is not right";
            case 413 -> "That was too large to take";
            case 500 -> "Something went wrong on our side";
            default -> status.getReasonPhrase();
        };
    }
}
