package city.trace.anchor;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.PermitAll;
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

import city.trace.anchor.merkle.Bytes32;
import city.trace.anchor.merkle.InclusionProof;
import city.trace.epcis.EpcisEvent;
import city.trace.epcis.EventIds;
import io.vertx.core.http.HttpServerRequest;

/**
 * The proof that an event is anchored: its fingerprint, its audit path in the batch's tree, and where the
 * root is on the chain. Public: a proof reveals nothing but the hash.
 */
@Path("/api/proofs")
@PermitAll
@Tag(name = "Proofs")
public class ProofResource {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Proof(String eventID, String hash, String hashVersion, String prehash, Long leafIndex,
            Long treeSize, List<String> auditPath, String root, Long chainId, String contract, String txHash,
            Long blockNumber, Instant blockTime, AnchorBatch.Status status) {
    }

    @GET
    @Path("/{eventID: .+}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An event's Merkle inclusion proof and its anchor on the chain (status PENDING until then)")
    public Proof proof(@PathParam("eventID") String ignored, @Context HttpServerRequest request) {
        String eventId = EventIds.fromPath(request, "/proofs/");
        EpcisEvent event = EpcisEvent.findByEventId(eventId)
                .orElseThrow(() -> new NotFoundException("No event " + eventId));
        return AnchorLeaf.findByEvent(event.id).map(leaf -> anchored(event, leaf))
                .orElseGet(() -> new Proof(event.eventId, event.hash, event.hashVersion, event.prehash, null, null,
                        null, null, null, null, null, null, null, AnchorBatch.Status.PENDING));
    }

    private static Proof anchored(EpcisEvent event, AnchorLeaf leaf) {
        AnchorBatch batch = leaf.batch;
        InclusionProof proof = leaf.proof();
        boolean onChain = batch.status == AnchorBatch.Status.ANCHORED || batch.status == AnchorBatch.Status.FINAL;
        return new Proof(event.eventId, event.hash, event.hashVersion, event.prehash, proof.leafIndex(),
                proof.treeSize(), proof.auditPath().stream().map(Bytes32::toPrefixedHex).toList(),
                Bytes32.of(batch.root).toPrefixedHex(), batch.chainId, batch.contract,
                batch.status == AnchorBatch.Status.PENDING ? null : batch.txHash, onChain ? batch.blockNumber : null,
                onChain ? batch.blockTime : null, batch.status);
    }
}
