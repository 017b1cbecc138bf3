package city.trace.epcis;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import city.trace.epcis.hash.EventHash;
import city.trace.epcis.hash.EventHasher;
import city.trace.epcis.hash.HashVersion;
import city.trace.web.Problem;

/** Computes CBV Event Hash IDs for partners checking their fingerprints. Public: it stores nothing. */
@Path("/api/event-hash")
@PermitAll
@Tag(name = "Event hash")
public class EventHashResource {

    private final EventHasher hasher = new EventHasher();

    @Inject
    ObjectMapper json;

    @POST
    @Consumes({ EpcisDocuments.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The Event Hash ID and pre-hash string of every event of an EPCIS document, in order")
    public List<EventHash> hash(byte[] body,
            @Parameter(description = "CBV2.0 (default) or CBV2.1") @QueryParam("ver") String version) {
        HashVersion hashVersion;
        try {
            hashVersion = HashVersion.parse(version);
        } catch (IllegalArgumentException e) {
            throw new CaptureRejectedException("Unknown hash version",
                    List.of(new Problem.Error("ver", "ver must be CBV2.0 or CBV2.1, not " + version)));
        }
        return hasher.hashDocument(JsonBody.object(json, body), hashVersion);
    }
}
