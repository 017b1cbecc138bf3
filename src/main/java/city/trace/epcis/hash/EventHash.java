package city.trace.epcis.hash;

/**
 * The Event Hash ID of one EPCIS event, e.g. {@code ni:///sha-256;…?ver=CBV2.0}, with the canonical pre-hash
 * string it is the SHA-256 of (as UTF-8).
 */
public record EventHash(String hash, String prehash) {
}
