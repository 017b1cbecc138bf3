package city.trace.verify.bundle;

import static city.trace.verify.bundle.CheckResult.Check.ANCHOR;
import static city.trace.verify.bundle.CheckResult.Check.BLOCK;
import static city.trace.verify.bundle.CheckResult.Check.CHAIN;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.exceptions.ClientConnectionException;
import org.web3j.protocol.http.HttpService;

import city.trace.anchor.contract.AnchorRecord;
import city.trace.anchor.contract.ChainNode;
import city.trace.anchor.contract.ChainRequestException;
import city.trace.anchor.contract.ProvenanceRegistry;
import city.trace.anchor.merkle.Bytes32;

/**
 * Check d: asks a chain node whether a proof's root is anchored as the bundle states. The node's chain id and
 * each root's anchor are asked once per run (a lot's events share few batches); once the node could not be
 * reached, it is not asked again.
 */
final class ChainChecks implements AutoCloseable {

    private record AnchorKey(String contract, Bytes32 root) {
    }

    private final String rpcUrl;
    private final Web3j web3j;
    private final ChainNode node;
    private final Map<AnchorKey, Optional<AnchorRecord>> anchors = new HashMap<>();
    private Long chainId;
    private String unreachable;

    ChainChecks(String rpcUrl) {
        this.rpcUrl = rpcUrl;
        this.web3j = Web3j.build(new HttpService(rpcUrl));
        this.node = new ChainNode(web3j);
    }

    /** The chain checks of an event with a proof (SUBMITTED, ANCHORED or FINAL). */
    List<CheckResult> check(AnchoringStatus status, BundleProof proof) {
        if (unreachable != null) {
            return List.of(CheckResult.failed(CHAIN, Outcome.UNREACHABLE, unreachable));
        }
        try {
            long nodeChainId = chainId();
            if (nodeChainId != proof.chainId()) {
                return List.of(CheckResult.failed(CHAIN, Outcome.NOT_ON_CHAIN,
                        "the node is on chain " + nodeChainId + ", the proof names chain " + proof.chainId()));
            }
            CheckResult sameChain = CheckResult.passed(CHAIN, "the node is on chain " + nodeChainId);
            Optional<AnchorRecord> anchor = anchorOf(proof);
            if (anchor.isEmpty()) {
                return List.of(sameChain, notAnchored(status, proof));
            }
            return List.of(sameChain, leafCount(anchor.get(), proof), block(anchor.get(), proof));
        } catch (ChainRequestException | ClientConnectionException e) {
            // also a node that answers with errors: the verifier cannot tell either way
            String reason = "the node at " + rpcUrl + " could not be asked: " + e.getMessage();
            if (chainId == null) {
                unreachable = reason;
            }
            return List.of(CheckResult.failed(CHAIN, Outcome.UNREACHABLE, reason));
        }
    }

    private long chainId() {
        if (chainId == null) {
            chainId = node.chainId();
        }
        return chainId;
    }

    /**
     * The contract's anchor of the root, read from the node's latest state: an anchor found there is in a block
     * of the node's current chain. Empty also when no registry is at the address.
     */
    private Optional<AnchorRecord> anchorOf(BundleProof proof) {
        AnchorKey key = new AnchorKey(proof.contract().toLowerCase(Locale.ROOT), proof.rootHash());
        Optional<AnchorRecord> known = anchors.get(key);
        if (known == null) {
            known = node.hasCode(key.contract()) ? registryAnchor(key) : Optional.empty();
            anchors.put(key, known);
        }
        return known;
    }

    private Optional<AnchorRecord> registryAnchor(AnchorKey key) {
        try {
            return new ProvenanceRegistry(web3j, key.contract()).anchorOf(key.root());
        } catch (ChainRequestException | ClientConnectionException e) {
            throw e;
        } catch (RuntimeException notARegistry) {
            // another contract: it reverts, or answers anchorOf with something that does not decode
            return Optional.empty();
        }
    }

    private static CheckResult notAnchored(AnchoringStatus status, BundleProof proof) {
        String root = "root " + Hex.abbreviated(proof.rootHash()) + " is not anchored by " + proof.contract();
        return status.inBlock() ? CheckResult.failed(ANCHOR, Outcome.NOT_ON_CHAIN, root)
                : CheckResult.failed(ANCHOR, Outcome.PENDING, root + " yet (its transaction is " + status + ")");
    }

    /** The anchored leaf count binds the tree size: a path of a smaller tree can lead to the same root. */
    private static CheckResult leafCount(AnchorRecord anchor, BundleProof proof) {
        if (anchor.leafCount() != proof.treeSize()) {
            return CheckResult.failed(ANCHOR, Outcome.NOT_ON_CHAIN, "root " + Hex.abbreviated(anchor.root())
                    + " is anchored for " + anchor.leafCount() + " leaves, the proof is for " + proof.treeSize());
        }
        return CheckResult.passed(ANCHOR, proof.contract() + " anchored root " + Hex.abbreviated(anchor.root())
                + " for " + anchor.leafCount() + " leaves");
    }

    private static CheckResult block(AnchorRecord anchor, BundleProof proof) {
        String actual = "block " + anchor.blockNumber() + " at " + anchor.timestamp();
        if (!proof.inBlock()) {
            return CheckResult.passed(BLOCK, "in " + actual + ", mined after the bundle was made");
        }
        if (anchor.blockNumber() != proof.blockNumber() || !anchor.timestamp().equals(proof.blockTime())) {
            return CheckResult.failed(BLOCK, Outcome.NOT_ON_CHAIN, "anchored in " + actual + ", the bundle says block "
                    + proof.blockNumber() + " at " + proof.blockTime());
        }
        return CheckResult.passed(BLOCK, "in " + actual);
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
