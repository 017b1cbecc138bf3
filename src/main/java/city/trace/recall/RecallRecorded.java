package city.trace.recall;

/**
 * Fired when a recall's events are stored: at its declaration ({@code declared}), or when an affected member
 * recorded its own lots. Observers act once the transaction has committed.
 */
public record RecallRecorded(long recallId, boolean declared) {
}
