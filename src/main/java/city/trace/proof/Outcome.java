package city.trace.proof;

/**
 * What the verifier concludes about one event, from the least to the most serious: the worst outcome among
 * the events decides the command's exit code.
 */
public enum Outcome {
    /** The record matches its fingerprint, and the fingerprint is in a round anchored on the chain as stated. */
    VERIFIED(0),
    /** The record matches its fingerprint, which is not on the chain yet. */
    PENDING(3),
    /** The chain node could not be asked. */
    UNREACHABLE(5),
    /** The record matches its proof, but the chain does not hold the anchor the bundle states. */
    NOT_ON_CHAIN(4),
    /**
     * The record does not match its fingerprint, or the fingerprint does not match its proof; or the readings
     * are not what the device signed, or not with the key its registration anchored.
     */
    TAMPERED(4);

    private final int exitCode;

    Outcome(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public Outcome worse(Outcome other) {
        return other.compareTo(this) > 0 ? other : this;
    }
}
