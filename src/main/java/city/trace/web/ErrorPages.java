package city.trace.web;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
        static native TemplateInstance error(int status, String title, String message, String incident);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri, headers);
        }
        String message = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? null : e.getMessage();
        return respond(e.getResponse().getStatusInfo(), message, null, uri, headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return respond(Response.Status.FORBIDDEN, e.getMessage(), null, uri, headers);
    }

    @ServerExceptionMapper
    public Response invalidForm(InvalidFormException e, UriInfo uri, HttpHeaders headers) {
        return respond(Response.Status.BAD_REQUEST, String.join("; ", e.errors().all().values()), null, uri, headers);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri, HttpHeaders headers) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Incident %s: %s %s failed", incident, uri.getRequestUri().getPath(), e);
        return respond(Response.Status.INTERNAL_SERVER_ERROR, null, incident, uri, headers);
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
                        .end(Templates.error(404, title(Response.Status.NOT_FOUND), null, null).render());
            }
        });
    }

    /** An error answer: the error page for people, a plain problem document for programs. */
    public static Response respond(Response.StatusType status, String message, UriInfo uri, HttpHeaders headers) {
        return respond(status, message, null, uri, headers);
    }

    private static Response respond(Response.StatusType status, String message, String incident, UriInfo uri,
            HttpHeaders headers) {
        String path = uri.getRequestUri().getPath();
        Response.ResponseBuilder response;
        if (wantsProblem(path, headers.getAcceptableMediaTypes())) {
            String detail = message != null ? message
                    : incident != null ? "Unexpected error; quote incident " + incident + " when reporting it" : null;
            response = Response.fromResponse(Problem.of(status, detail, path).toResponse());
        } else {
            response = Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.error(status.getStatusCode(), title(status), message, incident));
        }
        return (isNegotiated(path) ? response.header(HttpHeaders.VARY, HttpHeaders.ACCEPT) : response).build();
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
            case 500 -> "Something went wrong on our side";
            default -> status.getReasonPhrase();
        };
    }
}
