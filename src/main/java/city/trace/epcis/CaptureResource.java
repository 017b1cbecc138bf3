package city.trace.epcis;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import city.trace.config.EpcisConfig;
import city.trace.org.CurrentMember;
import io.quarkus.security.Authenticated;

/**
 * The EPCIS 2.0 capture interface (REST binding). Capture runs while the request waits, so the job it
 * answers with is already finished; its URL stays valid for inspection.
 */
@Path("/epcis/capture")
@Tag(name = "EPCIS capture")
public class CaptureResource {

    static final String CAPTURE_LIMIT = "GS1-EPCIS-Capture-Limit";
    static final String FILE_SIZE_LIMIT = "GS1-EPCIS-Capture-File-Size-Limit";

    /** The capture job document of the REST binding (with the numbers of events seen and stored). */
    public record CaptureJob(String captureID, String createdAt, String finishedAt, boolean running, boolean success,
            String captureErrorBehaviour, JsonNode errors, int eventCount, int storedCount) {
    }

    @Inject
    CaptureService captures;

    @Inject
    CurrentMember member;

    @Inject
    EpcisConfig config;

    @Inject
    ObjectMapper json;

    @OPTIONS
    @Operation(summary = "Capture interface settings: versions, limits and error behaviours")
    public Response settings() {
        return limits(Response.noContent()).header("Allow", "OPTIONS, POST, GET")
                .header("GS1-EPCIS-Version", EpcisQueryResource.EPCIS_VERSION)
                .header("GS1-CBV-Version", EpcisQueryResource.CBV_VERSION)
                .header("GS1-Capture-Error-Behaviour", "rollback, proceed").build();
    }

    @POST
    @RolesAllowed(CurrentMember.MANUFACTURER)
    @Consumes({ EpcisDocuments.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Capture an EPCISDocument (or EPCISQueryDocument); 202 with the capture job's URL")
    public Response capture(InputStream body, @HeaderParam("Content-Length") Long contentLength,
            @HeaderParam("GS1-Capture-Error-Behaviour") String errorBehaviour) throws IOException {
        long limit = config.captureFileSizeLimit();
        if (contentLength != null && contentLength > limit) {
            throw tooLarge(contentLength);
        }
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (bytes.length > limit) {
            throw tooLarge(bytes.length);
        }
        CaptureService.ErrorBehaviour behaviour = CaptureService.ErrorBehaviour.of(errorBehaviour);
        EpcisCapture job = captures.capture(member.organization(), JsonBody.object(json, bytes), behaviour);
        return limits(Response.accepted(view(job))).location(URI.create("/epcis/capture/" + job.captureId))
                .header("GS1-EPCIS-Version", EpcisQueryResource.EPCIS_VERSION)
                .header("GS1-CBV-Version", EpcisQueryResource.CBV_VERSION).build();
    }

    @GET
    @Path("/{captureId}")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A capture job: whether it succeeded, and the problem of every rejected event")
    public CaptureJob job(@PathParam("captureId") String captureId) {
        EpcisCapture job = EpcisCapture.findByCaptureId(captureId)
                .filter(j -> member.isRegulator() || j.organization.id.equals(member.organization().id))
                .orElseThrow(() -> new NotFoundException("No capture job " + captureId + " of your organisation"));
        return view(job);
    }

    @GET
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Your organisation's most recent capture jobs")
    public List<CaptureJob> jobs() {
        return EpcisCapture.<EpcisCapture>find("organization = ?1 order by id desc", member.organization())
                .page(0, 100).list().stream().map(this::view).toList();
    }

    private CaptureJob view(EpcisCapture job) {
        try {
            return new CaptureJob(job.captureId, job.createdAt.toString(),
                    job.finishedAt == null ? null : job.finishedAt.toString(), job.running, job.success,
                    job.errorBehaviour, json.readTree(job.errors), job.eventCount, job.storedCount);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private CaptureLimitExceededException tooLarge(long size) {
        return new CaptureLimitExceededException("The body has " + size + " bytes; this repository captures at most "
                + config.captureFileSizeLimit() + " bytes per request");
    }

    private Response.ResponseBuilder limits(Response.ResponseBuilder response) {
        return response.header(CAPTURE_LIMIT, config.captureLimit()).header(FILE_SIZE_LIMIT, config.captureFileSizeLimit());
    }
}
