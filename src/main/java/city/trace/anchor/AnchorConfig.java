package city.trace.anchor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Anchoring event fingerprints on the consortium chain. This node's own key comes from the environment
 * ({@code CITYTRACE_ANCHOR_PRIVATE_KEY}) or a keystore file, each organisation's from {@link #keys()}; keys are
 * never logged nor stored in the database.
 */
@ConfigMapping(prefix = "citytrace.anchor")
public interface AnchorConfig {

    /** Whether this node runs the anchoring worker. */
    @WithDefault("true")
    boolean enabled();

    /** Most events in one round (one transaction); a round is cut as soon as this many wait. */
    @WithDefault("10000")
    int roundSize();

    /** The longest an event waits for a round; defaults fit a chain with 2-second blocks. */
    @WithDefault("2s")
    Duration roundInterval();

    /** How often the worker looks for work: new events, receipts, confirmations (the scheduler's finest is 1s). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Blocks on top of the anchoring block (itself included) before a round is FINAL; 1 on QBFT. */
    @WithDefault("2")
    int confirmations();

    /** First wait after the chain node failed; doubled on each further failure. */
    @WithDefault("1s")
    Duration retryBackoff();

    /** Longest wait between attempts while the chain node keeps failing. */
    @WithDefault("30s")
    Duration maxRetryBackoff();

    /** The anchoring account's private key (hex); or use a keystore file. */
    Optional<String> privateKey();

    /** An Ethereum keystore (UTC JSON) file holding the anchoring key, with {@link #keystorePassword()}. */
    Optional<Path> keystoreFile();

    Optional<String> keystorePassword();

    /** The keys each organisation anchors its own events with. */
    Keys keys();

    interface Keys {

        /**
         * A folder of Ethereum keystore (UTC JSON) files, one per organisation, named after its code
         * ({@code korenaar-farm.json}), all opened with {@link #password()}.
         */
        Optional<Path> folder();

        Optional<String> password();

        /**
         * Local chains only: derive organisation {@code id}'s key from this BIP-39 mnemonic at m/44'/60'/0'/0/{id}
         * (anvil's dev accounts, index 0 being this node's), when no {@link #folder()} is set.
         */
        Optional<String> devMnemonic();

        /**
         * Local chains only: this node, as a member, proposes every organisation's account the registry has never
         * seen (with threshold 1 it is admitted at once). A lapsed member is left to the members' vote.
         */
        @WithDefault("false")
        boolean admitNewAccounts();
    }

    /** The ProvenanceRegistry to use; without it the node deploys one at first start and remembers it. */
    Optional<String> contract();

    /** Health reports anchoring as down when an event has waited longer than this. */
    @WithDefault("10m")
    Duration staleAfter();
}
