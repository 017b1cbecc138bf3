package city.trace.proof;

import java.util.Optional;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.exceptions.ClientConnectionException;
import org.web3j.protocol.http.HttpService;

import city.trace.chain.contract.AnchorRecord;
import city.trace.chain.contract.ChainNode;
import city.trace.chain.contract.ChainRequestException;
import city.trace.chain.contract.Member;
import city.trace.chain.contract.ProvenanceRegistry;
import city.trace.merkle.Bytes32;

/** The chain as one node answers, asked every time: the command-line verifier's view, and the app's below its memory. */
public final class NodeChain implements ChainView, AutoCloseable {

    private final Web3j web3j;
    private final ChainNode node;
    private final boolean owned;
    private final String name;

    private NodeChain(Web3j web3j, boolean owned, String name) {
        this.web3j = web3j;
        this.name = name;
        this.node = new ChainNode(web3j);
        this.owned = owned;
    }

    /** A node at an RPC URL; {@link #close()} lets its connections go. */
    public static NodeChain at(String rpcUrl) {
        return new NodeChain(Web3j.build(new HttpService(rpcUrl)), true, "the node at " + rpcUrl);
    }

    /** Through a client someone else owns (and closes). */
    public static NodeChain through(Web3j web3j) {
        return new NodeChain(web3j, false, "the chain node");
    }

    @Override
    public String node() {
        return name;
    }

    @Override
    public long chainId() {
        return node.chainId();
    }

    /** Empty also when no registry is at the address. */
    @Override
    public Optional<AnchorRecord> anchorOf(String contract, Bytes32 root) {
        if (!node.hasCode(contract)) {
            return Optional.empty();
        }
        try {
            return new ProvenanceRegistry(web3j, contract).anchorOf(root);
        } catch (ChainRequestException | ClientConnectionException e) {
            throw e;
        } catch (RuntimeException notARegistry) {
            // another contract: it reverts, or answers anchorOf with something that does not decode
            return Optional.empty();
        }
    }

    @Override
    public Optional<BundleMember> membershipAt(String contract, String account, long blockNumber) {
        ProvenanceRegistry registry = new ProvenanceRegistry(web3j, contract);
        try {
            return registry.membershipAt(account, blockNumber).map(term -> BundleMember.of(account,
                    registry.memberInfo(account).map(Member::name).orElse(""), term));
        } catch (ChainRequestException | ClientConnectionException e) {
            throw e;
        } catch (RuntimeException notARegistry) {
            // a contract that answers anchorOf but keeps no membership terms vouches for no one
            return Optional.empty();
        }
    }

    /** The node's newest block number. */
    public long latestBlockNumber() {
        return node.latestBlockNumber();
    }

    @Override
    public void close() {
        if (owned) {
            web3j.shutdown();
        }
    }
}
