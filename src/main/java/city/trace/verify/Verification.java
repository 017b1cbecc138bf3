package city.trace.verify;

import java.time.Instant;

import city.trace.proof.BundleMember;
import city.trace.proof.BundleProof;
import city.trace.proof.CheckResult;
import city.trace.proof.EventReport;
import city.trace.proof.Outcome;

/**
 * What the verifier found of one stored event, as pages say it.
 *
 * @param reason      why it is not VERIFIED (for people), or null
 * @param blockNumber the block the chain says anchored its root (VERIFIED only), likewise its time and tx
 * @param anchoredBy  the member that anchored it, as the registry records it in that block (VERIFIED only)
 */
public record Verification(Outcome outcome, String reason, Long chainId, String contract, Long blockNumber,
        Instant blockTime, String txHash, BundleMember anchoredBy) {

    static Verification of(EventReport report, BundleProof proof) {
        if (report.anchor() != null) {
            return new Verification(Outcome.VERIFIED, null, proof.chainId(), proof.contract(),
                    report.anchor().blockNumber(), report.anchor().timestamp(), report.anchor().transactionHash(),
                    report.anchoredBy());
        }
        CheckResult failure = report.failure().orElseThrow();
        return of(failure.outcome(), reason(failure));
    }

    public static Verification of(Outcome outcome, String reason) {
        return new Verification(outcome, reason, null, null, null, null, null, null);
    }

    /** The verifier's finding in a visitor's words. */
    private static String reason(CheckResult failure) {
        return switch (failure.outcome()) {
            case PENDING -> "not anchored on the chain yet";
            case UNREACHABLE -> "the chain node could not be reached";
            case NOT_ON_CHAIN -> failure.check() == CheckResult.Check.MEMBER
                    ? "no consortium member vouches for it as stated: " + failure.detail()
                    : "the chain does not hold the anchor its proof states: " + failure.detail();
            case TAMPERED -> switch (failure.check()) {
                case PROOF -> "the event's proof does not lead to its anchored root";
                case SIGNATURE -> "its readings are not what the device signed: " + failure.detail();
                case KEY -> "the device's key is not the one its registration anchored: " + failure.detail();
                default -> "the stored event no longer matches its fingerprint";
            };
            case VERIFIED -> null;
        };
    }

    /** Whether the stored record or its claimed anchoring is false: the consortium admin is alerted. */
    public boolean isTampered() {
        return outcome == Outcome.TAMPERED || outcome == Outcome.NOT_ON_CHAIN;
    }
}
