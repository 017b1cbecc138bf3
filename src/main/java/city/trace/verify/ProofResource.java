package city.trace.verify;

import java.time.Instant;
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
import com.fasterxml.jackson.databind.JsonNode;

import city.trace.anchor.AnchorBatch;
import city.trace.anchor.AnchorLeaf;
import city.trace.anchor.merkle.Bytes32;
import city.trace.anchor.merkle.InclusionProof;
import city.trace.epcis.EpcisEvent;
import city.trace.epcis.EventIds;
import city.trace.epcis.EventQuery;
import city.trace.epcis.EventQueryRepository;
import city.trace.epcis.QueryScope;
import city.trace.org.CurrentMember;
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
     * @param disclosed whether the pre-hash and event are included (see the class comment)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Proof(String eventID, String hash, String hashVersion, boolean disclosed, String prehash, JsonNode event,
            Long leafIndex, Long treeSize, List<String> auditPath, String root, Long chainId, String contract,
            String txHash, Long blockNumber, Instant blockTime, AnchorBatch.Status status) {
    }

    @Inject
    CurrentMember member;

    @Inject
    EventQueryRepository events;

    @Inject
    PublicEvents publicEvents;

    @GET
    @Path("/{eventID: .+}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An event's Merkle inclusion proof and its anchor on the chain (status PENDING until then); "
            + "its content only where a public page shows it or the caller may read it")
    public Proof proof(@PathParam("eventID") String ignored, @Context HttpServerRequest request) {
        String eventId = EventIds.fromPath(request, "/proofs/");
        EpcisEvent event = EpcisEvent.findByEventId(eventId)
                .orElseThrow(() -> new NotFoundException("No event " + eventId));
        boolean disclosed = mayRead(event);
        String prehash = disclosed ? event.prehash : null;
        JsonNode content = disclosed ? event.json() : null;
        return AnchorLeaf.findByEvent(event.id).map(leaf -> anchored(event, disclosed, prehash, content, leaf))
                .orElseGet(() -> new Proof(event.eventId, event.hash, event.hashVersion, disclosed, prehash, content, null,
                        null, null, null, null, null, null, null, null, AnchorBatch.Status.PENDING));
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

    private static Proof anchored(EpcisEvent event, boolean disclosed, String prehash, JsonNode content, AnchorLeaf leaf) {
        AnchorBatch batch = leaf.batch;
        InclusionProof proof = leaf.proof();
        boolean onChain = batch.status == AnchorBatch.Status.ANCHORED || batch.status == AnchorBatch.Status.FINAL;
        return new Proof(event.eventId, event.hash, event.hashVersion, disclosed, prehash, content, proof.leafIndex(),
                proof.treeSize(), proof.auditPath().stream().map(Bytes32::toPrefixedHex).toList(),
                Bytes32.of(batch.root).toPrefixedHex(), batch.chainId, batch.contract,
                batch.status == AnchorBatch.Status.PENDING ? null : batch.txHash, onChain ? batch.blockNumber : null,
                onChain ? batch.blockTime : null, batch.status);
    }
}
