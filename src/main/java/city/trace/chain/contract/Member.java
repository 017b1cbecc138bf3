package city.trace.chain.contract;

import java.nio.charset.StandardCharsets;

import org.web3j.crypto.Hash;

import city.trace.merkle.Bytes32;

/**
 * A consortium member as the registry records it: its account, its organisation's name, and the hash of its
 * GS1 company prefix ({@link #companyPrefixHash(String)}), so the chain names who anchors without listing prefixes.
 */
public record Member(String account, String name, Bytes32 companyPrefixHash) {

    /**
     * A node's account that anchors for the whole consortium rather than for one company (so no company prefix,
     * a zero hash): the one genesis member of a registry the node deploys for itself.
     */
    public static Member consortiumNode(String account) {
        return new Member(account, "CityTrace", Bytes32.of(new byte[Bytes32.LENGTH]));
    }

    /** SHA-256 of the prefix's digits (ASCII), e.g. {@code 8712345}. */
    public static Bytes32 companyPrefixHash(String gs1CompanyPrefix) {
        if (!gs1CompanyPrefix.matches("\\d{4,12}")) {
            throw new IllegalArgumentException("a GS1 company prefix has 4 to 12 digits, not " + gs1CompanyPrefix);
        }
        return Bytes32.of(Hash.sha256(gs1CompanyPrefix.getBytes(StandardCharsets.US_ASCII)));
    }
}
