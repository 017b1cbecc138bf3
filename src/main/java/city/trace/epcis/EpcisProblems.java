package city.trace.epcis;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import city.trace.epcis.hash.InvalidEventException;
import city.trace.web.ErrorPages;
import city.trace.web.Problem;

/**
 * EPCIS errors as RFC 9457 problems with the exception types the EPCIS REST binding names (its headers are
 * added to every /epcis answer by {@link EpcisHeaders}).
 */
public class EpcisProblems {

    @ServerExceptionMapper
    public Response rejected(CaptureRejectedException e, UriInfo uri) {
        return new Problem("epcisException:ValidationException", "Bad Request", 400, e.getMessage(),
                uri.getPath(), e.errors()).toResponse();
    }

    @ServerExceptionMapper
    public Response refused(CaptureRefusedException e, UriInfo uri, HttpHeaders headers) {
        if (!ErrorPages.wantsProblem(uri.getPath(), headers.getAcceptableMediaTypes())) {
            return ErrorPages.respond(Response.Status.FORBIDDEN, e.getMessage(), uri, headers); // a page's action
        }
        return new Problem(CaptureRefusedException.TYPE, CaptureRefusedException.TITLE, 403, e.getMessage(),
                uri.getPath(), e.errors()).toResponse();
    }

    @ServerExceptionMapper
    public Response tooLarge(CaptureLimitExceededException e, UriInfo uri) {
        return new Problem("epcisException:CaptureLimitExceededException", "Capture Payload too large", 413,
                e.getMessage(), uri.getPath(), null).toResponse();
    }

    @ServerExceptionMapper
    public Response unsupportedType(UnsupportedContentTypeException e, UriInfo uri) {
        return new Problem("epcisException:UnsupportedMediaTypeException", "Unsupported Media Type", 415,
                e.getMessage(), uri.getPath(), null).toResponse();
    }

    @ServerExceptionMapper
    public Response invalidQuery(InvalidQueryException e, UriInfo uri) {
        return new Problem("epcisException:QueryParameterException", "Bad Request", 400, e.getMessage(), uri.getPath(),
                e.errors()).toResponse();
    }

    @ServerExceptionMapper
    public Response unhashable(InvalidEventException e, UriInfo uri) {
        return new Problem("epcisException:ValidationException", "Bad Request", 400, e.getMessage(), uri.getPath(),
                null).toResponse();
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e, UriInfo uri) {
        Response problem = Problem.of(Response.Status.TOO_MANY_REQUESTS, e.getMessage(), uri.getPath()).toResponse();
        return Response.fromResponse(problem).header("Retry-After", e.retryAfterSeconds()).build();
    }
}
