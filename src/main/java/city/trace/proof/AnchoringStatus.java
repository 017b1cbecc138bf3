package city.trace.proof;

/**
 * The one lifecycle of an event's anchoring, as the app keeps it (an anchor round's status) and a bundle states
 * it: PENDING → SUBMITTED → ANCHORED → FINAL.
 */
public enum AnchoringStatus {
    /** Not yet in an anchor round whose transaction reached the node: there is no proof to show. */
    PENDING,
    /** Its round's transaction reached the node: a proof and a root, but no block yet. */
    SUBMITTED,
    /** Mined in a block. */
    ANCHORED,
    /** Enough blocks on top: it will not be undone. */
    FINAL;

    /** Whether the anchor's block is known. */
    public boolean inBlock() {
        return this == ANCHORED || this == FINAL;
    }

    /** Whether an audit path and root are shown for it. */
    public boolean hasProof() {
        return this != PENDING;
    }
}
