package city.trace.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    private final RandomTrees random = new RandomTrees();

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
        for (int n : random.sizes()) {
            List<byte[]> leaves = random.leaves(n);
            MerkleTree tree = MerkleTree.of(leaves);
            assertEquals(ReferenceMerkle.mth(leaves), tree.root(), "root of " + n);
            for (int m : random.sampleIndexes(n)) {
                InclusionProof proof = tree.inclusionProof(m);
                assertEquals(ReferenceMerkle.path(m, leaves), proof.auditPath(), "PATH(" + m + ", D[" + n + "])");
                assertTrue(proof.verifies(tree.leafHash(m), tree.root()), "proof " + m + " of " + n);
            }
        }
    }

    @Test
    void tamperedProofsFail() {
        for (int n : random.sizes()) {
            MerkleTree tree = MerkleTree.of(random.leaves(n));
            for (int m : random.sampleIndexes(n)) {
                for (TamperedProof wrong : TamperedProof.of(tree, m)) {
                    assertFalse(wrong.proof().verifies(wrong.leafHash(), wrong.root()), wrong.toString());
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
        MerkleTree four = MerkleTree.of(random.leaves(4));
        InclusionProof proof = four.inclusionProof(0);
        assertTrue(TamperedProof.withSize(proof, 3).verifies(four.leafHash(0), four.root()));
        assertFalse(TamperedProof.withSize(proof, 5).verifies(four.leafHash(0), four.root()));
    }

    @Test
    void tensOfThousandsOfLeavesWithAllProofsIsFast() {
        List<byte[]> leaves = random.leaves(20_000);
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
}
