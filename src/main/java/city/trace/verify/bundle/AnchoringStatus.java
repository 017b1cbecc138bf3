package city.trace.verify.bundle;

/** How far an event's batch has come on its way to the chain, as the bundle states it. */
public enum AnchoringStatus {
    /** Not in a batch on the chain yet: the bundle has no proof for it. */
    PENDING,
    /** Its batch's transaction reached the node: a proof and a root, but no block yet. */
    SUBMITTED,
    /** Mined in a block. */
    ANCHORED,
    /** Enough blocks on top: it will not be undone. */
    FINAL;

    /** Whether the bundle names the block that holds the anchor. */
    public boolean inBlock() {
        return this == ANCHORED || this == FINAL;
    }
}
