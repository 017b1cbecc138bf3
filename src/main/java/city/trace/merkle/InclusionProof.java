package city.trace.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An RFC 6962 audit path: the proof that the leaf at {@code leafIndex} is in the tree of {@code treeSize}
 * leaves, given as the sibling hashes from the leaf up to the root.
 */
public record InclusionProof(long leafIndex, long treeSize, List<Bytes32> auditPath) {

    public InclusionProof {
        if (leafIndex < 0 || treeSize < 0) {
            throw new IllegalArgumentException("negative leaf index or tree size: " + leafIndex + ", " + treeSize);
        }
        auditPath = List.copyOf(auditPath);
    }

    /** A proof whose audit path is stored packed: the sibling hashes concatenated, leaf level first. */
    public static InclusionProof unpacked(long leafIndex, long treeSize, byte[] packedPath) {
        List<Bytes32> siblings = new ArrayList<>(packedPath.length / Bytes32.LENGTH);
        for (int i = 0; i < packedPath.length; i += Bytes32.LENGTH) {
            siblings.add(Bytes32.of(Arrays.copyOfRange(packedPath, i, i + Bytes32.LENGTH)));
        }
        return new InclusionProof(leafIndex, treeSize, siblings);
    }

    /** The audit path packed: the sibling hashes concatenated, leaf level first. */
    public byte[] packedPath() {
        byte[] packed = new byte[auditPath.size() * Bytes32.LENGTH];
        for (int i = 0; i < auditPath.size(); i++) {
            System.arraycopy(auditPath.get(i).toByteArray(), 0, packed, i * Bytes32.LENGTH, Bytes32.LENGTH);
        }
        return packed;
    }

    /**
     * The root this proof leads to from {@code leafHash} (RFC 9162 section 2.1.3.2), or empty when the path
     * cannot belong to a leaf at this index of a tree of this size (too short, too long, index out of range).
     */
    public Optional<Bytes32> rootFor(Bytes32 leafHash) {
        if (leafIndex >= treeSize) {
            return Optional.empty();
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        Bytes32 r = leafHash;
        for (Bytes32 p : auditPath) {
            if (sn == 0) {
                return Optional.empty();
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Rfc6962.nodeHash(p, r);
                // on the right edge of an uneven tree: skip the levels where this node has no sibling
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = Rfc6962.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? Optional.of(r) : Optional.empty();
    }

    /**
     * Whether this proof shows that {@code leafHash} (SHA-256(0x00 ‖ data)) is in the tree with {@code root}.
     * The tree size is bound only through the shape of the path (a proof for leaf 0 of 4 also passes as leaf 0
     * of 3): compare {@link #treeSize} with the leaf count anchored with the root.
     */
    public boolean verifies(Bytes32 leafHash, Bytes32 root) {
        return rootFor(leafHash).filter(root::equals).isPresent();
    }
}
