package city.trace.web;

import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, the body of every API error. {@code errors} lists each problem found in the
 * request with the JSON pointer of the offending value.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<Error> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One problem: where it is, what it is, and the rule it breaks when a named rule refused it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(String pointer, String detail, String rule) {

        public Error(String pointer, String detail) {
            this(pointer, detail, null);
        }
    }

    public static Problem of(Response.StatusType status, String detail, String instance) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, instance, null);
    }

    public Response toResponse() {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
    }
}
