package city.trace.anchor.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    private final Random random = new Random(6962);

    @Test
    void conformanceVectorsLeafHashesRootsAndEveryAuditPath() {
        Rfc6962Vectors vectors = Rfc6962Vectors.loadOrSkip();
        List<byte[]> leaves = vectors.leafData();
        for (int i = 0; i < leaves.size(); i++) {
            assertEquals(vectors.leafHash(i), Rfc6962.leafHash(leaves.get(i)), "leaf hash " + i);
        }
        for (int n = 0; n <= leaves.size(); n++) {
            assertEquals(vectors.root(n), MerkleTree.of(leaves.subList(0, n)).root(), "MTH(D[0:" + n + "])");
        }
        assertEquals(36, vectors.inclusion().size(), "PATH(m, D[0:n]) for every m < n <= 8");
        for (Rfc6962Vectors.Inclusion expected : vectors.inclusion()) {
            int n = Math.toIntExact(expected.treeSize());
            MerkleTree tree = MerkleTree.of(leaves.subList(0, n));
            InclusionProof proof = tree.inclusionProof(Math.toIntExact(expected.leafIndex()));
            assertEquals(expected.proof(), proof, "PATH(" + expected.leafIndex() + ", D[0:" + n + "])");
            assertTrue(proof.verifies(vectors.leafHash(expected.leafIndex()), vectors.root(n)));
        }
    }

    @Test
    void emptyTreeHasTheHashOfNothingAndNoProofs() {
        MerkleTree empty = MerkleTree.of(List.of());
        assertEquals(Bytes32.fromHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"), empty.root());
        assertEquals(0, empty.size());
        assertThrows(IndexOutOfBoundsException.class, () -> empty.inclusionProof(0));
        assertFalse(new InclusionProof(0, 0, List.of()).verifies(Rfc6962.EMPTY_TREE_ROOT, empty.root()));
    }

    @Test
    void rootsAndPathsMatchTheRecursiveDefinitionForManySizes() {
        for (int n : sizes()) {
            List<byte[]> leaves = randomDigests(n);
            MerkleTree tree = MerkleTree.of(leaves);
            assertEquals(ReferenceMerkle.mth(leaves), tree.root(), "root of " + n);
            for (int m : sampleIndexes(n)) {
                InclusionProof proof = tree.inclusionProof(m);
                assertEquals(ReferenceMerkle.path(m, leaves), proof.auditPath(), "PATH(" + m + ", D[" + n + "])");
                assertTrue(proof.verifies(tree.leafHash(m), tree.root()), "proof " + m + " of " + n);
            }
        }
    }

    @Test
    void tamperedProofsFail() {
        for (int n : sizes()) {
            MerkleTree tree = MerkleTree.of(randomDigests(n));
            Bytes32 root = tree.root();
            for (int m : sampleIndexes(n)) {
                InclusionProof proof = tree.inclusionProof(m);
                Bytes32 leaf = tree.leafHash(m);
                String where = m + " of " + n;

                assertFalse(withIndex(proof, n).verifies(leaf, root), "index out of range, " + where);
                if (n > 1) {
                    assertFalse(withIndex(proof, (m + 1) % n).verifies(leaf, root), "wrong index, " + where);
                    assertFalse(proof.verifies(tree.leafHash((m + 1) % n), root), "wrong leaf, " + where);
                }
                assertFalse(proof.verifies(flipBit(leaf), root), "altered leaf, " + where);
                assertFalse(proof.verifies(leaf, flipBit(root)), "wrong root, " + where);
                for (int j = 0; j < proof.auditPath().size(); j++) {
                    List<Bytes32> path = new ArrayList<>(proof.auditPath());
                    path.set(j, flipBit(path.get(j)));
                    assertFalse(withPath(proof, path).verifies(leaf, root), "sibling " + j + " altered, " + where);
                }
                List<Bytes32> longer = new ArrayList<>(proof.auditPath());
                longer.add(root);
                assertFalse(withPath(proof, longer).verifies(leaf, root), "extra sibling, " + where);
                if (!proof.auditPath().isEmpty()) {
                    List<Bytes32> shorter = proof.auditPath().subList(0, proof.auditPath().size() - 1);
                    assertFalse(withPath(proof, shorter).verifies(leaf, root), "missing sibling, " + where);
                }
                for (int wrongSize : List.of(n - 1, n + 1, 2 * n)) {
                    if (wrongSize > m && pathLength(m, wrongSize) != proof.auditPath().size()) {
                        assertFalse(withSize(proof, wrongSize).verifies(leaf, root), "size " + wrongSize + ", " + where);
                    }
                }
            }
        }
    }

    /**
     * RFC 9162 verification binds the tree size only through the shape of the path: where two sizes give the
     * same shape, the proof verifies for both. Verifiers must therefore compare the tree size with the leaf
     * count anchored with the root.
     */
    @Test
    void treeSizeIsBoundOnlyThroughThePathShape() {
        MerkleTree four = MerkleTree.of(randomDigests(4));
        InclusionProof proof = four.inclusionProof(0);
        assertTrue(withSize(proof, 3).verifies(four.leafHash(0), four.root()));
        assertFalse(withSize(proof, 5).verifies(four.leafHash(0), four.root()));
    }

    @Test
    void tenThousandsOfLeavesWithAllProofsIsFast() {
        List<byte[]> leaves = randomDigests(20_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            long start = System.nanoTime();
            MerkleTree tree = MerkleTree.of(leaves);
            List<InclusionProof> proofs = IntStream.range(0, tree.size()).mapToObj(tree::inclusionProof).toList();
            long built = System.nanoTime();
            for (InclusionProof proof : proofs) {
                assertTrue(proof.verifies(tree.leafHash((int) proof.leafIndex()), tree.root()));
            }
            System.out.printf("Merkle tree of %d leaves and all proofs: %d ms; verifying all: %d ms%n", tree.size(),
                    (built - start) / 1_000_000, (System.nanoTime() - built) / 1_000_000);
        });
    }

    /** Every size up to 70 (all small shapes), powers of two and their neighbours, and a few random ones. */
    private List<Integer> sizes() {
        List<Integer> sizes = new ArrayList<>(IntStream.rangeClosed(1, 70).boxed().toList());
        for (int power = 128; power <= 1024; power *= 2) {
            sizes.addAll(List.of(power - 1, power, power + 1));
        }
        IntStream.range(0, 5).forEach(i -> sizes.add(2 + random.nextInt(3000)));
        return sizes;
    }

    /** All indexes of small trees; the edges and a random sample of big ones (the oracle is slow). */
    private List<Integer> sampleIndexes(int n) {
        if (n <= 70) {
            return IntStream.range(0, n).boxed().toList();
        }
        List<Integer> indexes = new ArrayList<>(List.of(0, 1, n / 2, n - 2, n - 1));
        IntStream.range(0, 5).forEach(i -> indexes.add(random.nextInt(n)));
        return indexes;
    }

    private List<byte[]> randomDigests(int n) {
        List<byte[]> digests = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] digest = new byte[Bytes32.LENGTH];
            random.nextBytes(digest);
            digests.add(digest);
        }
        return digests;
    }

    private static int pathLength(int m, int n) {
        return ReferenceMerkle.path(m, IntStream.range(0, n).mapToObj(i -> new byte[0]).toList()).size();
    }

    static Bytes32 flipBit(Bytes32 value) {
        byte[] bytes = value.toByteArray();
        bytes[bytes.length - 1] ^= 1;
        return Bytes32.of(bytes);
    }

    private static InclusionProof withIndex(InclusionProof proof, long index) {
        return new InclusionProof(index, proof.treeSize(), proof.auditPath());
    }

    private static InclusionProof withSize(InclusionProof proof, long size) {
        return new InclusionProof(proof.leafIndex(), size, proof.auditPath());
    }

    private static InclusionProof withPath(InclusionProof proof, List<Bytes32> path) {
        return new InclusionProof(proof.leafIndex(), proof.treeSize(), path);
    }
}
