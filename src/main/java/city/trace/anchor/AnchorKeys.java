package city.trace.anchor;

import java.io.IOException;

import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;
import org.web3j.crypto.exception.CipherException;

import city.trace.anchor.AnchorConfig;

/** The anchoring account's key, from the environment or a keystore file. Never logged, never stored. */
final class AnchorKeys {

    private AnchorKeys() {
    }

    /** @throws IllegalStateException saying what is missing or wrong, without revealing any secret */
    static Credentials load(AnchorConfig config) {
        if (config.privateKey().isPresent()) {
            try {
                return Credentials.create(config.privateKey().get().strip());
            } catch (RuntimeException e) {
                throw new IllegalStateException("citytrace.anchor.private-key is not a valid secp256k1 private key");
            }
        }
        if (config.keystoreFile().isPresent()) {
            try {
                return WalletUtils.loadCredentials(config.keystorePassword().orElse(""), config.keystoreFile().get().toFile());
            } catch (IOException | CipherException e) {
                throw new IllegalStateException("Cannot open the anchoring keystore " + config.keystoreFile().get()
                        + " (wrong password or not a keystore file)");
            }
        }
        throw new IllegalStateException("No anchoring key: set CITYTRACE_ANCHOR_PRIVATE_KEY or "
                + "CITYTRACE_ANCHOR_KEYSTORE_FILE (with CITYTRACE_ANCHOR_KEYSTORE_PASSWORD)");
    }
}
