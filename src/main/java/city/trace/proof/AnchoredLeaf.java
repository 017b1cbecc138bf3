package city.trace.proof;

import city.trace.merkle.Bytes32;

/**
 * A fingerprint anchored beside the events that is not an event's (an access log entry's), as its verifier
 * recomputed it, and its anchoring as the database states it.
 *
 * @param proof null while PENDING
 */
public record AnchoredLeaf(String id, Bytes32 digest, AnchoringStatus status, BundleProof proof) {
}
