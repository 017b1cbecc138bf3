package city.trace.proof;

import static city.trace.proof.CheckResult.Check.ANCHOR;
import static city.trace.proof.CheckResult.Check.BLOCK;
import static city.trace.proof.CheckResult.Check.CHAIN;
import static city.trace.proof.CheckResult.Check.MEMBER;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.web3j.protocol.exceptions.ClientConnectionException;

import city.trace.chain.contract.AnchorRecord;
import city.trace.chain.contract.ChainRequestException;
import city.trace.merkle.Bytes32;

/**
 * Check d: asks the chain whether a proof's root is anchored as the bundle states, by an account that was a
 * member of the registry in that block. Made for one verification run: the node's chain id, each root's anchor
 * and each anchoring member's membership are asked once (a lot's events share few rounds); once the node could
 * not be reached, it is not asked again.
 */
final class ChainChecks {

    private record AnchorKey(String contract, Bytes32 root) {
    }

    private record MembershipKey(String contract, String account, long blockNumber) {
    }

    private final ChainView chain;
    private final Map<AnchorKey, Optional<AnchorRecord>> anchors = new HashMap<>();
    private final Map<MembershipKey, Optional<BundleMember>> memberships = new HashMap<>();
    private Long chainId;
    private String unreachable;

    ChainChecks(ChainView chain) {
        this.chain = chain;
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
            return List.of(sameChain, leafCount(anchor.get(), proof), block(anchor.get(), proof),
                    member(anchor.get(), proof));
        } catch (ChainRequestException | ClientConnectionException e) {
            // also a node that answers with errors: the verifier cannot tell either way
            String reason = chain.node() + " could not be asked: " + e.getMessage();
            if (chainId == null) {
                unreachable = reason;
            }
            return List.of(CheckResult.failed(CHAIN, Outcome.UNREACHABLE, reason));
        }
    }

    private long chainId() {
        if (chainId == null) {
            chainId = chain.chainId();
        }
        return chainId;
    }

    /**
     * The contract's anchor of the proof's root, read from the node's latest state: an anchor found there is in a
     * block of the node's current chain.
     */
    Optional<AnchorRecord> anchorOf(BundleProof proof) {
        AnchorKey key = new AnchorKey(proof.contract().toLowerCase(Locale.ROOT), proof.rootHash());
        Optional<AnchorRecord> known = anchors.get(key);
        if (known == null) {
            known = chain.anchorOf(key.contract(), key.root());
            anchors.put(key, known);
        }
        return known;
    }

    /** The registry's record of the member that anchored {@code anchor}, in the block that holds it. */
    Optional<BundleMember> membershipOf(String contract, AnchorRecord anchor) {
        MembershipKey key = new MembershipKey(contract.toLowerCase(Locale.ROOT),
                anchor.member().toLowerCase(Locale.ROOT), anchor.blockNumber());
        Optional<BundleMember> known = memberships.get(key);
        if (known == null) {
            known = chain.membershipAt(key.contract(), key.account(), key.blockNumber());
            memberships.put(key, known);
        }
        return known;
    }

    /**
     * Who vouches for the root: the account the contract says anchored it, a member in that block (the contract
     * refuses anchors of others, so a "registry" saying otherwise is not one), and the one the bundle names.
     */
    private CheckResult member(AnchorRecord anchor, BundleProof proof) {
        BundleMember claimed = proof.member();
        if (claimed != null && !claimed.account().equalsIgnoreCase(anchor.member())) {
            return CheckResult.failed(MEMBER, Outcome.NOT_ON_CHAIN, "root " + Hex.abbreviated(anchor.root())
                    + " was anchored by " + anchor.member() + ", the bundle says by " + claimed.account());
        }
        Optional<BundleMember> member = membershipOf(proof.contract(), anchor);
        if (member.isEmpty()) {
            return CheckResult.failed(MEMBER, Outcome.NOT_ON_CHAIN, anchor.member() + ", which anchored root "
                    + Hex.abbreviated(anchor.root()) + ", was not a member of " + proof.contract() + " in block "
                    + anchor.blockNumber());
        }
        if (claimed != null && claimed.statesTerm() && !claimed.sameAs(member.get())) {
            return CheckResult.failed(MEMBER, Outcome.NOT_ON_CHAIN, "the registry records " + member.get()
                    + ", the bundle says " + claimed);
        }
        return CheckResult.passed(MEMBER, "anchored by " + member.get());
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

}
