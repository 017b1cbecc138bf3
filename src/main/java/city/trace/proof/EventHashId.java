package city.trace.proof;

import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import city.trace.merkle.Bytes32;

/**
 * A CBV Event Hash ID, {@code ni:///sha-256;<64 hex>?ver=CBV2.0}, taken apart: the SHA-256 digest of the
 * pre-hash (which is also the event's leaf data in the Merkle tree) and the algorithm version's label.
 */
public record EventHashId(Bytes32 digest, String versionLabel) {

    private static final Pattern FORM = Pattern.compile("ni:///sha-256;([0-9a-fA-F]{64})\\?ver=(\\S+)");

    /** @throws IllegalArgumentException when {@code hash} is not of that form */
    public static EventHashId parse(String hash) {
        Matcher matcher = FORM.matcher(hash);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("expected ni:///sha-256;<64 hex digits>?ver=<version>, found \""
                    + hash + "\"");
        }
        return new EventHashId(Bytes32.of(HexFormat.of().parseHex(matcher.group(1))), matcher.group(2));
    }
}
