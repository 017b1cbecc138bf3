package city.trace.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** A proof of a tree's leaf with one thing wrong: every verifier must reject it. */
public record TamperedProof(String what, Bytes32 leafHash, InclusionProof proof, Bytes32 root) {

    /**
     * The ways to get the proof of leaf {@code m} wrong: index, leaf, root, each sibling, a sibling more or
     * less, and tree sizes that change the path's shape (a size with the same shape verifies; see
     * MerkleTreeTest#treeSizeIsBoundOnlyThroughThePathShape).
     */
    public static List<TamperedProof> of(MerkleTree tree, int m) {
        int n = tree.size();
        InclusionProof proof = tree.inclusionProof(m);
        Bytes32 leaf = tree.leafHash(m);
        Bytes32 root = tree.root();
        List<Bytes32> path = proof.auditPath();
        List<TamperedProof> wrong = new ArrayList<>();
        wrong.add(new TamperedProof("index out of range", leaf, withIndex(proof, n), root));
        if (n > 1) {
            wrong.add(new TamperedProof("other index", leaf, withIndex(proof, (m + 1) % n), root));
            wrong.add(new TamperedProof("other leaf", tree.leafHash((m + 1) % n), proof, root));
        }
        wrong.add(new TamperedProof("altered leaf", flipBit(leaf), proof, root));
        wrong.add(new TamperedProof("wrong root", leaf, proof, flipBit(root)));
        for (int j = 0; j < path.size(); j++) {
            List<Bytes32> altered = new ArrayList<>(path);
            altered.set(j, flipBit(altered.get(j)));
            wrong.add(new TamperedProof("sibling " + j + " altered", leaf, withPath(proof, altered), root));
        }
        List<Bytes32> longer = new ArrayList<>(path);
        longer.add(root);
        wrong.add(new TamperedProof("extra sibling", leaf, withPath(proof, longer), root));
        if (!path.isEmpty()) {
            List<Bytes32> shorter = path.subList(0, path.size() - 1);
            wrong.add(new TamperedProof("missing sibling", leaf, withPath(proof, shorter), root));
        }
        for (int size : List.of(n - 1, n + 1, 2 * n)) {
            if (size > m && pathLength(m, size) != path.size()) {
                wrong.add(new TamperedProof("tree size " + size, leaf, withSize(proof, size), root));
            }
        }
        return wrong;
    }

    @Override
    public String toString() {
        return what + " (leaf " + proof.leafIndex() + " of " + proof.treeSize() + ")";
    }

    private static Bytes32 flipBit(Bytes32 value) {
        byte[] bytes = value.toByteArray();
        bytes[bytes.length - 1] ^= 1;
        return Bytes32.of(bytes);
    }

    static InclusionProof withSize(InclusionProof proof, long size) {
        return new InclusionProof(proof.leafIndex(), size, proof.auditPath());
    }

    private static InclusionProof withIndex(InclusionProof proof, long index) {
        return new InclusionProof(index, proof.treeSize(), proof.auditPath());
    }

    private static InclusionProof withPath(InclusionProof proof, List<Bytes32> path) {
        return new InclusionProof(proof.leafIndex(), proof.treeSize(), path);
    }

    private static int pathLength(int m, int n) {
        return ReferenceMerkle.path(m, IntStream.range(0, n).mapToObj(i -> new byte[0]).toList()).size();
    }
}
