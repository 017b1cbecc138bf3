package city.trace.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import city.trace.merkle.Bytes32;
import city.trace.merkle.InclusionProof;
import city.trace.merkle.MerkleTree;

/** Proof bundles as the app produces them, built from real hashes and real Merkle trees; and edits of them. */
final class TestBundles {

    /** Where a batch's root is (or is said to be) anchored: the chain fields of each of its proofs. */
    record Anchor(long chainId, String contract, String txHash, Long blockNumber, Instant blockTime) {
    }

    /** An anchor no chain holds, for tests that need none. */
    static final Anchor OFF_CHAIN = new Anchor(31337, "0x5fbdb2315678afecb367f032d93f642f64180aa3", "0x" + "ab".repeat(32),
            14L, Instant.parse("2026-11-22T23:16:36Z"));
    static final ProofBundle.Subject SUBJECT = new ProofBundle.Subject("08712347000026", "B20261120",
            "https://id.gs1.org/01/08712347000026/10/B20261120");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestBundles() {
    }

    static MerkleTree tree(List<HashedEvent> events) {
        return MerkleTree.of(events.stream().map(HashedEvent::leafData).toList());
    }

    /** The events of one batch, each with its proof in {@code tree} and the batch's anchor (naming no member). */
    static List<BundleEvent> batch(List<HashedEvent> events, MerkleTree tree, AnchoringStatus status, Anchor anchor) {
        List<BundleEvent> entries = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            InclusionProof path = tree.inclusionProof(i);
            BundleProof proof = new BundleProof(path.leafIndex(), path.treeSize(),
                    path.auditPath().stream().map(Bytes32::toPrefixedHex).toList(), tree.root().toPrefixedHex(),
                    anchor.chainId(), anchor.contract(), anchor.txHash(), anchor.blockNumber(), anchor.blockTime(),
                    null);
            entries.add(events.get(i).inBundle(status, proof));
        }
        return entries;
    }

    /** The entries, each proof naming {@code member} as the one that anchored its root. */
    static List<BundleEvent> anchoredBy(List<BundleEvent> entries, BundleMember member) {
        return entries.stream().map(entry -> entry.withProof(entry.proof().withMember(member))).toList();
    }

    static ProofBundle bundle(List<BundleEvent> events) {
        return ProofBundle.of(SUBJECT, Instant.parse("2026-11-22T23:50:00Z"), events);
    }

    /** The bundle after an edit of its JSON, as someone holding the file could make it. */
    static ProofBundle edited(ProofBundle bundle, Consumer<ObjectNode> edit) {
        return ProofBundleJson.read(editedJson(bundle, edit));
    }

    /** The bundle's JSON after an edit, which may leave it no bundle at all. */
    static String editedJson(ProofBundle bundle, Consumer<ObjectNode> edit) {
        try {
            ObjectNode json = (ObjectNode) JSON.readTree(ProofBundleJson.write(bundle));
            edit.accept(json);
            return JSON.writeValueAsString(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON object of event {@code index} in a bundle's JSON. */
    static ObjectNode event(ObjectNode bundle, int index) {
        return (ObjectNode) bundle.withArrayProperty("events").get(index);
    }

    static Path write(ProofBundle bundle, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, ProofBundleJson.write(bundle));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
