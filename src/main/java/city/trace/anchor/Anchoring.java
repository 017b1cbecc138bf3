package city.trace.anchor;

import java.time.Instant;

import city.trace.merkle.Bytes32;
import city.trace.merkle.InclusionProof;
import city.trace.proof.AnchoringStatus;
import city.trace.proof.BundleMember;
import city.trace.proof.BundleProof;

/**
 * An event's anchoring as the database has it (see {@link Anchorings}): its round and status, and from
 * SUBMITTED on the audit path to the round's root and where that root is said to be on the chain.
 *
 * @param roundId   the anchor round, null while PENDING outside a round
 * @param auditPath sibling hashes of 32 bytes, concatenated, leaf level first
 * @param sender    the account that signed the round's transaction, the member said to anchor it
 * @param txUrl     the transaction's page on the configured block explorer, if any; likewise {@code blockUrl}
 */
public record Anchoring(long eventId, Long roundId, AnchoringStatus status, int leafIndex, int treeSize,
        byte[] auditPath, byte[] root, long chainId, String contract, String sender, String txHash, Long blockNumber,
        Instant blockTime, String txUrl, String blockUrl) {

    static Anchoring pending(long eventId) {
        return new Anchoring(eventId, null, AnchoringStatus.PENDING, 0, 0, null, null, 0, null, null, null, null, null,
                null, null);
    }

    public boolean isFinal() {
        return status == AnchoringStatus.FINAL;
    }

    /**
     * The proof as a bundle states it, or null while PENDING (a round whose transaction has not reached the
     * node yet may still change). Throws IllegalArgumentException when the stored values are no proof.
     */
    public BundleProof proof() {
        if (!status.hasProof()) {
            return null;
        }
        InclusionProof path = InclusionProof.unpacked(leafIndex, treeSize, auditPath);
        return new BundleProof(leafIndex, treeSize, path.auditPath().stream().map(Bytes32::toPrefixedHex).toList(),
                Bytes32.of(root).toPrefixedHex(), chainId, contract, txHash, blockNumber, blockTime,
                sender == null ? null : BundleMember.account(sender));
    }
}
