package city.trace.verify;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.web3j.protocol.Web3j;

import city.trace.anchor.AnchorConfig;
import city.trace.chain.contract.AnchorRecord;
import city.trace.merkle.Bytes32;
import city.trace.proof.BundleMember;
import city.trace.proof.ChainView;
import city.trace.proof.NodeChain;

/**
 * The chain as the app's verifier sees it: asked through the configured node, remembering what cannot change
 * any more — the node's chain id, anchors buried under enough blocks to be final, and who was a member in such
 * a block — so that pages of settled lots cost no round trip to the node (and still verify while it is down).
 */
@ApplicationScoped
public class ChainMemory implements ChainView {

    @Inject
    Web3j web3j;

    @Inject
    AnchorConfig anchoring;

    private NodeChain node;
    private volatile Long chainId;
    private final Map<String, AnchorRecord> settled = new ConcurrentHashMap<>();
    private final Map<String, BundleMember> members = new ConcurrentHashMap<>();

    @PostConstruct
    void connect() {
        node = NodeChain.through(web3j);
    }

    @Override
    public String node() {
        return node.node();
    }

    @Override
    public long chainId() {
        Long known = chainId;
        if (known == null) {
            known = node.chainId();
            chainId = known;
        }
        return known;
    }

    @Override
    public Optional<AnchorRecord> anchorOf(String contract, Bytes32 root) {
        String key = contract.toLowerCase(Locale.ROOT) + root.toPrefixedHex();
        AnchorRecord remembered = settled.get(key);
        if (remembered != null) {
            return Optional.of(remembered);
        }
        Optional<AnchorRecord> anchor = node.anchorOf(contract, root);
        if (anchor.isPresent() && isFinal(anchor.get().blockNumber())) {
            settled.put(key, anchor.get());
        }
        return anchor;
    }

    /**
     * A membership in a final block is final too. Its name is the registry's when first asked: it changes only if
     * the account is removed and admitted again under another name, which shows after a restart.
     */
    @Override
    public Optional<BundleMember> membershipAt(String contract, String account, long blockNumber) {
        String key = contract.toLowerCase(Locale.ROOT) + account.toLowerCase(Locale.ROOT) + blockNumber;
        BundleMember remembered = members.get(key);
        if (remembered != null) {
            return Optional.of(remembered);
        }
        Optional<BundleMember> member = node.membershipAt(contract, account, blockNumber);
        if (member.isPresent() && isFinal(blockNumber)) {
            members.put(key, member.get());
        }
        return member;
    }

    private boolean isFinal(long blockNumber) {
        return blockNumber + anchoring.confirmations() - 1 <= node.latestBlockNumber();
    }
}
