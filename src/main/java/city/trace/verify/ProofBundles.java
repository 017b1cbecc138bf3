package city.trace.verify;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import city.trace.anchor.AnchorBatch;
import city.trace.anchor.AnchorLeaf;
import city.trace.anchor.merkle.Bytes32;
import city.trace.anchor.merkle.InclusionProof;
import city.trace.epcis.EpcisEvent;
import city.trace.gs1.DigitalLink;
import city.trace.verify.bundle.AnchoringStatus;
import city.trace.verify.bundle.BundleEvent;
import city.trace.verify.bundle.BundleProof;
import city.trace.verify.bundle.ProofBundle;
import city.trace.verify.bundle.ProofBundleJson;

/**
 * The proof bundle of a journey: its events exactly as stored, with their fingerprints and proofs, so that a
 * visitor can check them against any node of the chain with the command-line verifier, and the page can
 * re-check them in the browser. Stored data is handed out as it is: if it was tampered with, the bundle
 * shows it to whoever checks.
 */
@ApplicationScoped
public class ProofBundles {

    /** Where a subject's bundle is downloaded: its Digital Link path under /api/bundles. */
    public static String path(DigitalLink subject) {
        return "/api/bundles" + subject.path();
    }

    @Transactional
    public ProofBundle bundle(Journey journey) {
        List<Long> ids = journey.steps().stream().map(Journey.Step::id).toList();
        Map<Long, EpcisEvent> events = EpcisEvent.<EpcisEvent>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(event -> event.id, Function.identity()));
        Map<Long, AnchorLeaf> leaves = AnchorLeaf.<AnchorLeaf>list("from AnchorLeaf l join fetch l.batch where l.eventId in ?1", ids)
                .stream().collect(Collectors.toMap(leaf -> leaf.eventId, Function.identity()));
        List<BundleEvent> bundled = ids.stream().map(id -> event(events.get(id), leaves.get(id))).toList();
        return ProofBundle.of(new ProofBundle.Subject(journey.gtin(), journey.lot(), journey.subject().toUri()),
                Instant.now(), bundled);
    }

    public String json(Journey journey) {
        return ProofBundleJson.write(bundle(journey));
    }

    /** The bundle without indentation, for embedding in the journey's page. */
    public String compactJson(Journey journey) {
        return ProofBundleJson.writeCompact(bundle(journey));
    }

    private BundleEvent event(EpcisEvent event, AnchorLeaf leaf) {
        AnchorBatch batch = leaf == null ? null : leaf.batch;
        boolean sent = batch != null && batch.status != AnchorBatch.Status.PENDING;
        AnchoringStatus status = sent ? AnchoringStatus.valueOf(batch.status.name()) : AnchoringStatus.PENDING;
        return new BundleEvent(event.eventId, event.json(), event.prefixes(), event.hashVersion,
                event.prehash, event.hash, status, sent ? proof(leaf, status) : null);
    }

    private static BundleProof proof(AnchorLeaf leaf, AnchoringStatus status) {
        AnchorBatch batch = leaf.batch;
        InclusionProof proof = leaf.proof();
        return new BundleProof(proof.leafIndex(), proof.treeSize(),
                proof.auditPath().stream().map(Bytes32::toPrefixedHex).toList(), Bytes32.of(batch.root).toPrefixedHex(), batch.chainId,
                batch.contract, batch.txHash, status.inBlock() ? batch.blockNumber : null,
                status.inBlock() ? batch.blockTime : null);
    }
}
