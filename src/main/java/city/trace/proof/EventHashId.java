package city.trace.proof;

import java.util.HexFormat;

import city.trace.merkle.Bytes32;

/**
 * A CBV Event Hash ID, {@code ni:///sha-256;<64 hex>?ver=CBV2.0}, taken apart: the SHA-256 digest of the
 * pre-hash (which is also the event's leaf data in the Merkle tree) and the algorithm version's label.
 */
public record EventHashId(Bytes32 digest, String versionLabel) {

    private static final String PREFIX = "ni:///sha-256;";
    private static final String VERSION = "?ver=";
    private static final int DIGITS = 64;

    /** @throws IllegalArgumentException when {@code hash} is not of that form */
    public static EventHashId parse(String hash) {
        // taken apart by hand rather than by a regular expression: every event of a page, trace or export has one
        int digits = PREFIX.length();
        int version = digits + DIGITS + VERSION.length();
        boolean matches = hash.length() > version && hash.startsWith(PREFIX) && hash.startsWith(VERSION, digits + DIGITS);
        for (int i = digits; matches && i < digits + DIGITS; i++) {
            matches = HexFormat.isHexDigit(hash.charAt(i));
        }
        for (int i = version; matches && i < hash.length(); i++) {
            matches = " \t\n\u000B\f\r".indexOf(hash.charAt(i)) < 0; // as \S in a regular expression
        }
        if (!matches) {
            throw new IllegalArgumentException("expected ni:///sha-256;<64 hex digits>?ver=<version>, found \""
                    + hash + "\"");
        }
        return new EventHashId(Bytes32.of(HexFormat.of().parseHex(hash, digits, digits + DIGITS)), hash.substring(version));
    }
}
