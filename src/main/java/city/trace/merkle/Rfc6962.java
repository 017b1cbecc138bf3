package city.trace.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hashes of RFC 6962 section 2.1: leaves and interior nodes get different one-byte prefixes, so a
 * leaf can never be passed off as a node (second-preimage protection).
 */
public final class Rfc6962 {

    static final byte LEAF_PREFIX = 0x00;
    static final byte NODE_PREFIX = 0x01;

    /** MTH({}) = SHA-256 of the empty string. */
    public static final Bytes32 EMPTY_TREE_ROOT = Bytes32.wrap(sha256().digest());

    private Rfc6962() {
    }

    /** SHA-256(0x00 ‖ data). */
    public static Bytes32 leafHash(byte[] leafData) {
        MessageDigest sha256 = sha256();
        sha256.update(LEAF_PREFIX);
        return Bytes32.wrap(sha256.digest(leafData));
    }

    /** SHA-256(0x01 ‖ left ‖ right). */
    public static Bytes32 nodeHash(Bytes32 left, Bytes32 right) {
        MessageDigest sha256 = sha256();
        sha256.update(NODE_PREFIX);
        sha256.update(left.bytesNoCopy());
        return Bytes32.wrap(sha256.digest(right.bytesNoCopy()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
