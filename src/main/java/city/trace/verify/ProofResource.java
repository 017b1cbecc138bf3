package city.trace.verify;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;

import city.trace.epcis.EpcisEvent;
import city.trace.epcis.EventIds;
import city.trace.epcis.EventQuery;
import city.trace.epcis.EventQueryRepository;
import city.trace.epcis.QueryScope;
import city.trace.org.CurrentMember;
import city.trace.proof.AnchoringStatus;
import city.trace.proof.BundleEvent;
import city.trace.proof.BundleProof;
import city.trace.proof.Outcome;
import io.vertx.core.http.HttpServerRequest;

/**
 * The proof that an event is anchored: its fingerprint, its audit path in the batch's tree, and where the root
 * is on the chain — for anyone. What the event says (its pre-hash and content) only for an event a public page
 * shows, or for a caller the EPCIS query interface lets read it.
 */
@Path("/api/proofs")
@PermitAll
@Tag(name = "Proofs")
public class ProofResource {

    /**
     * @param disclosed    whether the pre-hash and event are included (see the class comment)
     * @param verification what this server's verifier found when asked: the stored event against its fingerprint,
     *                     proof and the chain (check it yourself with the proof bundle and any node)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Proof(String eventID, String hash, String hashVersion, boolean disclosed, String prehash, JsonNode event,
            @JsonUnwrapped BundleProof proof, AnchoringStatus status, Outcome verification, String reason) {
    }

    @Inject
    CurrentMember member;

    @Inject
    EventQueryRepository events;

    @Inject
    PublicEvents publicEvents;

    @Inject
    Verifier verifier;

    @GET
    @Path("/{eventID: .+}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An event's Merkle inclusion proof and its anchor on the chain (status PENDING until then), "
            + "with what the server's verifier found; its content only where a public page shows it or the caller may read it")
    public Proof proof(@PathParam("eventID") String ignored, @Context HttpServerRequest request) {
        String eventId = EventIds.fromPath(request, "/proofs/");
        EpcisEvent event = EpcisEvent.findByEventId(eventId)
                .orElseThrow(() -> new NotFoundException("No event " + eventId));
        boolean disclosed = mayRead(event);
        Verifier.Verified verified = verifier.verify(List.of(event)).get(event.id);
        BundleEvent bundled = verified.bundled();
        return new Proof(event.eventId, event.hash, event.hashVersion, disclosed, disclosed ? event.prehash : null,
                disclosed ? event.json() : null, bundled == null ? null : bundled.proof(),
                bundled == null ? null : bundled.status(), verified.verification().outcome(),
                verified.verification().reason());
    }

    /** A public page shows it, or the caller's organisation may query it (regulators: every event). */
    private boolean mayRead(EpcisEvent event) {
        if (publicEvents.isPublic(event)) {
            return true;
        }
        if (!member.isLoggedIn() || (!member.isRegulator() && member.getOrganizationIfAny().isEmpty())) {
            return false;
        }
        return !events.find(EventQuery.byEventId(event.eventId), QueryScope.of(member), Map.of()).events().isEmpty();
    }
}
