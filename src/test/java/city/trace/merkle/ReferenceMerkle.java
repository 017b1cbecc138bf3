package city.trace.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6962 section 2.1 written as literally as possible (recursive, slow): the oracle the bottom-up
 * {@link MerkleTree} is compared with.
 */
final class ReferenceMerkle {

    private ReferenceMerkle() {
    }

    /** MTH(D[n]). */
    static Bytes32 mth(List<byte[]> d) {
        int n = d.size();
        if (n == 0) {
            return Rfc6962.EMPTY_TREE_ROOT;
        }
        if (n == 1) {
            return Rfc6962.leafHash(d.get(0));
        }
        int k = split(n);
        return Rfc6962.nodeHash(mth(d.subList(0, k)), mth(d.subList(k, n)));
    }

    /** PATH(m, D[n]). */
    static List<Bytes32> path(int m, List<byte[]> d) {
        int n = d.size();
        if (n == 1) {
            return List.of();
        }
        int k = split(n);
        List<Bytes32> path = new ArrayList<>();
        if (m < k) {
            path.addAll(path(m, d.subList(0, k)));
            path.add(mth(d.subList(k, n)));
        } else {
            path.addAll(path(m - k, d.subList(k, n)));
            path.add(mth(d.subList(0, k)));
        }
        return path;
    }

    /** The largest power of two smaller than n (n > 1). */
    private static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }
}
