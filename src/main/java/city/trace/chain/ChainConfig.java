package city.trace.chain;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The consortium chain this node talks to. Defaults fit the local anvil node that {@code ./run.sh} starts;
 * in production set {@code CITYTRACE_CHAIN_RPC_URL} and {@code CITYTRACE_CHAIN_CHAIN_ID} (e.g. a Besu QBFT node).
 */
@ConfigMapping(prefix = "citytrace.chain")
public interface ChainConfig {

    /** JSON-RPC endpoint of an EVM node of the consortium chain. */
    @WithDefault("http://127.0.0.1:8545")
    String rpcUrl();

    /** The chain id the node must report (EIP-155); a mismatch makes the app not ready. */
    @WithDefault("31337")
    long chainId();

    /** Time limit for one JSON-RPC call. */
    @WithDefault("5s")
    Duration timeout();

    /** Block explorer base URL for links to transactions and blocks, when the chain has one. */
    Optional<String> explorerUrl();
}
