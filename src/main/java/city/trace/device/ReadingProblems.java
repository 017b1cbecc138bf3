package city.trace.device;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import city.trace.web.Problem;

/** Refused readings as problem+json, their type naming the reason (…:replayed-counter, …:bad-signature). */
public class ReadingProblems {

    static final String TYPE = "urn:citytrace:problem:device-readings:";

    @ServerExceptionMapper
    public Response refused(ReadingRefusedException e, UriInfo uri) {
        Response.StatusType status = Response.Status.fromStatusCode(e.reason().status);
        String title = status != null ? status.getReasonPhrase() : "Unprocessable Content";
        return new Problem(TYPE + e.reason().code, title, e.reason().status, e.getMessage(), uri.getPath(), null)
                .toResponse();
    }
}
