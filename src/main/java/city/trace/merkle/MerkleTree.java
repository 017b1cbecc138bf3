package city.trace.merkle;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 6962 Merkle tree over a list of leaves, with every node kept so that each inclusion proof is read
 * off in O(log n): building the tree and all n proofs costs O(n log n).
 * <p>
 * Built bottom-up: each level pairs the nodes of the level below from the left, and a last node without
 * a partner moves up unchanged. This gives exactly the tree of RFC 6962's recursive definition, whose split
 * point is the largest power of two smaller than n.
 */
public final class MerkleTree {

    private static final int HASH = Bytes32.LENGTH;

    /** levels[0] holds the leaf hashes, the last level the root; each level is its node hashes end to end. */
    private final byte[][] levels;
    private final int size;

    private MerkleTree(int size, byte[][] levels) {
        this.size = size;
        this.levels = levels;
    }

    /** The tree whose leaves are {@code leafData} in order (in CityTrace: the 32-byte event hash digests). */
    public static MerkleTree of(List<byte[]> leafData) {
        MessageDigest sha256 = Rfc6962.sha256();
        byte[] leafHashes = new byte[Math.multiplyExact(leafData.size(), HASH)];
        for (int i = 0; i < leafData.size(); i++) {
            sha256.update(Rfc6962.LEAF_PREFIX);
            sha256.update(leafData.get(i));
            digestInto(sha256, leafHashes, i * HASH);
        }
        List<byte[]> levels = new ArrayList<>(List.of(leafHashes));
        for (byte[] level = leafHashes; level.length > HASH; levels.add(level)) {
            level = parentLevel(sha256, level);
        }
        return new MerkleTree(leafData.size(), levels.toArray(byte[][]::new));
    }

    public int size() {
        return size;
    }

    /** MTH(D[n]); for no leaves, SHA-256 of the empty string. */
    public Bytes32 root() {
        return size == 0 ? Rfc6962.EMPTY_TREE_ROOT : node(levels.length - 1, 0);
    }

    public Bytes32 leafHash(int index) {
        Objects.checkIndex(index, size);
        return node(0, index);
    }

    /** PATH(index, D[n]): the sibling hashes from the leaf up to the root. */
    public InclusionProof inclusionProof(int index) {
        Objects.checkIndex(index, size);
        List<Bytes32> auditPath = new ArrayList<>();
        int position = index;
        for (int level = 0; level < levels.length - 1; level++, position >>= 1) {
            int sibling = position ^ 1;
            // a last node without a sibling moves up unchanged and adds nothing to the path
            if (sibling < nodeCount(level)) {
                auditPath.add(node(level, sibling));
            }
        }
        return new InclusionProof(index, size, auditPath);
    }

    private static byte[] parentLevel(MessageDigest sha256, byte[] level) {
        int count = level.length / HASH;
        byte[] parents = new byte[(count + 1) / 2 * HASH];
        for (int left = 0; left + 1 < count; left += 2) {
            sha256.update(Rfc6962.NODE_PREFIX);
            sha256.update(level, left * HASH, 2 * HASH);
            digestInto(sha256, parents, left / 2 * HASH);
        }
        if (count % 2 == 1) {
            System.arraycopy(level, (count - 1) * HASH, parents, parents.length - HASH, HASH);
        }
        return parents;
    }

    private static void digestInto(MessageDigest sha256, byte[] target, int offset) {
        try {
            sha256.digest(target, offset, HASH);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 output does not fit 32 bytes", e);
        }
    }

    private int nodeCount(int level) {
        return levels[level].length / HASH;
    }

    private Bytes32 node(int level, int position) {
        byte[] hash = new byte[HASH];
        System.arraycopy(levels[level], position * HASH, hash, 0, HASH);
        return Bytes32.wrap(hash);
    }
}
