package city.trace.proof;

import java.util.Optional;

import city.trace.chain.contract.AnchorRecord;
import city.trace.merkle.Bytes32;

/**
 * What the verifier asks of the chain. Both may throw {@link city.trace.chain.contract.ChainRequestException}
 * or web3j's ClientConnectionException when the node cannot be asked.
 */
public interface ChainView {

    /** Who answers, for reports: "the node at http://…". */
    String node();

    /** The chain the node is on. */
    long chainId();

    /** The anchor of {@code root} by the registry at {@code contract}; empty when there is none (or no registry). */
    Optional<AnchorRecord> anchorOf(String contract, Bytes32 root);
}
