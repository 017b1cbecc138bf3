package city.trace.epcis.hash;

import java.util.HexFormat;

/**
 * The Event Hash ID of one EPCIS event, e.g. {@code ni:///sha-256;…?ver=CBV2.0}, with the canonical pre-hash
 * string it is the SHA-256 of (as UTF-8).
 */
public record EventHash(String hash, String prehash) {

    /** The 32-byte SHA-256 digest an Event Hash ID carries (the hex after "sha-256;"). */
    public static byte[] digestOf(String hashId) {
        int start = hashId.indexOf(';') + 1;
        return HexFormat.of().parseHex(hashId, start, start + 64);
    }
}
