package city.trace.chain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import city.trace.merkle.Bytes32;
import city.trace.merkle.InclusionProof;
import city.trace.merkle.MerkleTree;
import city.trace.merkle.RandomTrees;
import city.trace.merkle.Rfc6962Vectors;
import city.trace.merkle.TamperedProof;

/** The contract's verifyInclusion answers like the Java verifier, on the RFC vectors and on random trees. */
class OnChainInclusionTest {

    private static TestChain chain;
    private static ProvenanceRegistry registry;

    @BeforeAll
    static void deploy() {
        chain = TestChain.freeGas();
        registry = chain.deploy(TestChain.DEPLOY_GAS).registry();
    }

    @AfterAll
    static void stopChain() {
        chain.close();
    }

    @Test
    void conformanceVectors() {
        Rfc6962Vectors vectors = Rfc6962Vectors.loadOrSkip();
        for (Rfc6962Vectors.Inclusion vector : vectors.inclusion()) {
            InclusionProof proof = vector.proof();
            Bytes32 leafHash = vectors.leafHash(vector.leafIndex());
            Bytes32 root = vectors.root(Math.toIntExact(vector.treeSize()));
            String what = "PATH(" + vector.leafIndex() + ", D[0:" + vector.treeSize() + "])";
            assertTrue(proof.verifies(leafHash, root), what);
            assertTrue(registry.verifyInclusion(leafHash, proof, root), what + " on chain");
            Bytes32 otherRoot = vectors.root(Math.toIntExact(vector.treeSize()) - 1);
            assertFalse(registry.verifyInclusion(leafHash, proof, otherRoot), what + " against MTH(D[0:n-1])");
        }
    }

    @Test
    void randomTreesAndTamperedProofs() {
        RandomTrees random = new RandomTrees();
        int calls = 0;
        for (int n : random.sizes()) {
            MerkleTree tree = MerkleTree.of(random.leaves(n));
            for (int m : edges(n)) {
                InclusionProof proof = tree.inclusionProof(m);
                assertTrue(registry.verifyInclusion(tree.leafHash(m), proof, tree.root()), m + " of " + n);
                for (TamperedProof wrong : TamperedProof.of(tree, m)) {
                    boolean java = wrong.proof().verifies(wrong.leafHash(), wrong.root());
                    assertEquals(java, registry.verifyInclusion(wrong.leafHash(), wrong.proof(), wrong.root()),
                            wrong.toString());
                    assertFalse(java, wrong.toString());
                    calls++;
                }
            }
        }
        System.out.printf("verifyInclusion: %d tampered proofs rejected on chain as in Java%n", calls);
    }

    /** The Java tests check every index; on chain the edges do (the right one is where uneven trees differ). */
    private static Set<Integer> edges(int n) {
        return new TreeSet<>(List.of(0, n - 1));
    }
}
