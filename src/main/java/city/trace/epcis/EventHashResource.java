package city.trace.epcis;

import java.io.InputStream;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import city.trace.epcis.EpcisConfig;
import city.trace.epcis.hash.EventHash;
import city.trace.epcis.hash.EventHasher;
import city.trace.epcis.hash.HashVersion;
import city.trace.web.Problem;
import io.vertx.core.http.HttpServerRequest;

/**
 * Computes CBV Event Hash IDs for partners checking their fingerprints. Public, as it stores nothing; it
 * takes what capture takes (content types, body size, events, parser limits), at a rate per client.
 */
@Path("/api/event-hash")
@PermitAll
@Tag(name = "Event hash")
public class EventHashResource {

    private final EventHasher hasher = new EventHasher();

    @Inject
    DocumentBody bodies;

    @Inject
    EventHashRateLimit rateLimit;

    @Inject
    EpcisConfig config;

    @POST
    // any type reaches the method, so that a missing Content-Type is refused like a wrong one (DocumentBody)
    @Consumes(MediaType.WILDCARD)
    @RequestBody(content = { @Content(mediaType = EpcisDocuments.MEDIA_TYPE), @Content(mediaType = MediaType.APPLICATION_JSON),
            @Content(mediaType = MediaType.APPLICATION_XML) })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The Event Hash ID and pre-hash string of every event of an EPCIS document, in order")
    public List<EventHash> hash(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
            @Parameter(description = "CBV2.0 (default) or CBV2.1") @QueryParam("ver") String version,
            @Context HttpServerRequest request) {
        rateLimit.acquire(request.remoteAddress());
        HashVersion hashVersion;
        try {
            hashVersion = HashVersion.parse(version);
        } catch (IllegalArgumentException e) {
            throw new CaptureRejectedException("Unknown hash version",
                    List.of(new Problem.Error("ver", "ver must be CBV2.0 or CBV2.1, not " + version)));
        }
        JsonNode document = bodies.document(contentType, contentLength, body);
        EventList events = EventList.in(document);
        if (events != null && events.size() > config.captureLimit()) {
            throw CaptureLimitExceededException.events(events.size(), config.captureLimit());
        }
        return hasher.hashDocument(document, hashVersion);
    }
}
