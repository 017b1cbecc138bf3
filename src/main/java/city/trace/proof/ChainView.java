package city.trace.proof;

import java.util.Optional;

import city.trace.chain.contract.AnchorRecord;
import city.trace.merkle.Bytes32;

/**
 * What the verifier asks of the chain. Each may throw {@link city.trace.chain.contract.ChainRequestException}
 * or web3j's ClientConnectionException when the node cannot be asked.
 */
public interface ChainView {

    /** Who answers, for reports: "the node at http://…". */
    String node();

    /** The chain the node is on. */
    long chainId();

    /** The anchor of {@code root} by the registry at {@code contract}; empty when there is none (or no registry). */
    Optional<AnchorRecord> anchorOf(String contract, Bytes32 root);

    /**
     * {@code account}'s membership of the registry at {@code contract} at block {@code blockNumber}, with the name
     * the registry holds for it; empty when it was no member then (or there is no registry).
     */
    Optional<BundleMember> membershipAt(String contract, String account, long blockNumber);
}
