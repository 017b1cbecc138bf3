package city.trace.proof;

/**
 * One check of one event. A check that passed implies {@link Outcome#VERIFIED}; one that did not, the outcome
 * its failure means for the event (e.g. a failed proof check means TAMPERED, a root still on its way PENDING).
 */
public record CheckResult(Check check, Outcome outcome, String detail) {

    /** The checks, in the order they are run and printed; e and f only for events a device signed. */
    public enum Check {
        /** a. The pre-hash recomputed from the event and its namespaces equals the bundle's. */
        PREHASH("pre-hash"),
        /** b. SHA-256 of the pre-hash is the digest in the Event Hash ID, of the stated version. */
        HASH("hash"),
        /** c. The audit path leads from the leaf hash to the root (RFC 9162). */
        PROOF("proof"),
        /** d. The node is on the bundle's chain. */
        CHAIN("chain"),
        /** d. The contract anchored the root, for a tree of the proof's size. */
        ANCHOR("anchor"),
        /** d. In the block (and at the time) the bundle states. */
        BLOCK("block"),
        /** d. The account that anchored the root was a member of the registry then, and the one the bundle names. */
        MEMBER("member"),
        /** e. The device's signature verifies with the bundle's key, over exactly the event's readings. */
        SIGNATURE("signature"),
        /** f. The key is the one the device's registration event anchored, and that event verifies. */
        KEY("key");

        private final String label;

        Check(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static CheckResult passed(Check check, String detail) {
        return new CheckResult(check, Outcome.VERIFIED, detail);
    }

    public static CheckResult failed(Check check, Outcome outcome, String detail) {
        return new CheckResult(check, outcome, detail);
    }

    public boolean isPassed() {
        return outcome == Outcome.VERIFIED;
    }
}
