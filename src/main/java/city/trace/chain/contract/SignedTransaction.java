package city.trace.chain.contract;

/**
 * A transaction ready to send: its hash is known before sending, so it can be stored first and the same bytes
 * resent later without signing again (a resend with the same nonce cannot be mined twice).
 */
public record SignedTransaction(String hash, String rawTransaction) {
}
