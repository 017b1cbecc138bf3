package city.trace.anchor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.crypto.WalletUtils;
import org.web3j.crypto.exception.CipherException;

import city.trace.anchor.AnchorConfig;
import city.trace.org.Organization;

/**
 * The anchoring keys: this node's, from the environment or a keystore file, and each organisation's, from its
 * keystore file (or, on local chains, derived from a dev mnemonic). Never logged, never stored.
 */
final class AnchorKeys {

    private AnchorKeys() {
    }

    /** No key for an organisation: its rounds wait (the others go on) until one is configured. */
    static final class Unavailable extends IllegalStateException {
        Unavailable(String message) {
            super(message);
        }
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

    /** @throws Unavailable saying which key is missing or wrong, without revealing any secret */
    static Credentials forOrganization(AnchorConfig.Keys keys, Organization org) {
        if (keys.folder().isPresent()) {
            Path file = keys.folder().get().resolve(org.code + ".json");
            if (!Files.isRegularFile(file)) {
                throw new Unavailable("No keystore " + file + " for " + org.name);
            }
            try {
                return WalletUtils.loadCredentials(keys.password().orElse(""), file.toFile());
            } catch (IOException | CipherException e) {
                throw new Unavailable("Cannot open the keystore " + file + " of " + org.name
                        + " (wrong password or not a keystore file)");
            }
        }
        if (keys.devMnemonic().isPresent()) {
            return derived(keys.devMnemonic().get(), org.id);
        }
        throw new Unavailable("No anchoring key for " + org.name + ": set CITYTRACE_ANCHOR_KEYS_FOLDER "
                + "(a keystore " + org.code + ".json in it) and CITYTRACE_ANCHOR_KEYS_PASSWORD");
    }

    /** The key at BIP-44 path m/44'/60'/0'/0/{index} of a mnemonic, as wallets and anvil derive Ethereum accounts. */
    static Credentials derived(String mnemonic, long index) {
        int hardened = Bip32ECKeyPair.HARDENED_BIT;
        int[] path = {44 | hardened, 60 | hardened, hardened, 0, Math.toIntExact(index)};
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(mnemonic.strip(), ""));
        return Credentials.create(Bip32ECKeyPair.deriveKeyPair(master, path));
    }
}
