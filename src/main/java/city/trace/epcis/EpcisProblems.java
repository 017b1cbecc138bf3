package city.trace.epcis;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import city.trace.config.EpcisConfig;
import city.trace.epcis.hash.InvalidEventException;
import city.trace.web.ErrorPages;
import city.trace.web.Problem;

/** EPCIS errors as RFC 9457 problems with the exception types the EPCIS REST binding names. */
public class EpcisProblems {

    @Inject
    EpcisConfig config;

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
        Response problem = new Problem("epcisException:CaptureLimitExceededException", "Capture Payload too large",
                413, e.getMessage(), uri.getPath(), null).toResponse();
        return Response.fromResponse(problem).header(CaptureResource.CAPTURE_LIMIT, config.captureLimit())
                .header(CaptureResource.FILE_SIZE_LIMIT, config.captureFileSizeLimit()).build();
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
}
