package city.trace.verify;

import java.time.Instant;

/**
 * What checking one stored event against the chain found.
 *
 * @param reason      why it is not VERIFIED (for people), or null
 * @param blockNumber the block the chain says anchored its root (VERIFIED only), likewise the time
 */
public record Verification(State state, String reason, Long chainId, String contract, Long blockNumber,
        Instant blockTime, String txHash) {

    public enum State {
        /** Recomputed fingerprint, proof and on-chain root all agree. */
        VERIFIED,
        /** The fingerprint matches; its batch is not on the chain yet. */
        PENDING,
        /** The stored record no longer matches what was anchored. */
        TAMPERED,
        /** The chain node could not be asked: nothing is claimed. */
        UNVERIFIABLE
    }

    static Verification of(State state, String reason) {
        return new Verification(state, reason, null, null, null, null, null);
    }

    public boolean isVerified() {
        return state == State.VERIFIED;
    }

    public boolean isTampered() {
        return state == State.TAMPERED;
    }
}
