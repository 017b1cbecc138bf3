package city.trace.epcis;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import city.trace.org.CurrentMember;
import io.quarkus.security.Authenticated;

/**
 * The EPCIS 2.0 capture interface (REST binding). Capture runs while the request waits, so the job it
 * answers with is already finished; its URL stays valid for inspection.
 */
@Path("/epcis/capture")
@Tag(name = "EPCIS capture")
public class CaptureResource {

    /** The capture job document of the REST binding, with the numbers of events seen and stored and the warnings. */
    public record CaptureJob(String captureID, String createdAt, String finishedAt, boolean running, boolean success,
            String captureErrorBehaviour, JsonNode errors, JsonNode warnings, int eventCount, int storedCount) {
    }

    @Inject
    CaptureService captures;

    @Inject
    CurrentMember member;

    @Inject
    DocumentBody bodies;

    @Inject
    ObjectMapper json;

    @OPTIONS
    @Operation(summary = "Capture interface settings: versions, limits and error behaviours")
    public Response settings() {
        // the versions and limits are on every answer here (EpcisHeaders)
        return Response.noContent().header("Allow", "OPTIONS, POST, GET")
                .header("GS1-Capture-Error-Behaviour", "rollback, proceed").build();
    }

    @POST
    @RolesAllowed(CurrentMember.MANUFACTURER)
    // any type reaches the method, so that a missing Content-Type is refused like a wrong one (DocumentBody)
    @Consumes(MediaType.WILDCARD)
    @RequestBody(content = { @Content(mediaType = EpcisDocuments.MEDIA_TYPE), @Content(mediaType = MediaType.APPLICATION_JSON),
            @Content(mediaType = MediaType.APPLICATION_XML) })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Capture an EPCISDocument (or EPCISQueryDocument); 202 with the capture job's URL")
    public Response capture(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
            @HeaderParam("GS1-Capture-Error-Behaviour") String errorBehaviour) {
        CaptureService.ErrorBehaviour behaviour = CaptureService.ErrorBehaviour.of(errorBehaviour);
        EpcisCapture job = captures.capture(member.organization(), bodies.document(contentType, contentLength, body),
                behaviour);
        return Response.accepted(view(job)).location(URI.create("/epcis/capture/" + job.captureId)).build();
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
        return EpcisCapture.listRecent(member.organization(), 100).stream().map(this::view).toList();
    }

    private CaptureJob view(EpcisCapture job) {
        try {
            return new CaptureJob(job.captureId, job.createdAt.toString(),
                    job.finishedAt == null ? null : job.finishedAt.toString(), job.running, job.success,
                    job.errorBehaviour, json.readTree(job.errors), json.readTree(job.warnings), job.eventCount,
                    job.storedCount);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
