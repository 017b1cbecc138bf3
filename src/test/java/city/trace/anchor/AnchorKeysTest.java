package city.trace.anchor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;

import city.trace.org.Organization;
import city.trace.support.AnvilNode;

/** Where an organisation's key comes from: its keystore file in production, the dev mnemonic on local chains. */
class AnchorKeysTest {

    record Keys(Optional<Path> folder, Optional<String> password, Optional<String> devMnemonic) implements AnchorConfig.Keys {
        @Override
        public boolean admitNewAccounts() {
            return false;
        }
    }

    static Organization farm() {
        Organization org = new Organization();
        org.id = 1L;
        org.code = "korenaar-farm";
        org.name = "De Korenaar Farm";
        return org;
    }

    @Test
    void devKeysAreAnvilsAccountsOrganisationIdGetsIndexId() {
        assertEquals(Credentials.create(AnvilNode.DEV_KEY).getAddress(), AnchorKeys.derived(AnvilNode.DEV_MNEMONIC, 0).getAddress());
        assertEquals("0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
                AnchorKeys.forOrganization(new Keys(Optional.empty(), Optional.empty(), Optional.of(AnvilNode.DEV_MNEMONIC)), farm())
                        .getAddress());
    }

    @Test
    void aKeystoreFileNamedAfterTheOrganisationWinsOverTheMnemonic(@TempDir Path folder) throws Exception {
        String file = WalletUtils.generateLightNewWalletFile("secret", folder.toFile());
        Files.move(folder.resolve(file), folder.resolve("korenaar-farm.json"));
        String address = WalletUtils.loadCredentials("secret", folder.resolve("korenaar-farm.json").toFile()).getAddress();

        assertEquals(address, AnchorKeys.forOrganization(new Keys(Optional.of(folder), Optional.of("secret"),
                Optional.of(AnvilNode.DEV_MNEMONIC)), farm()).getAddress());
        assertThrows(AnchorKeys.Unavailable.class, () -> AnchorKeys.forOrganization(
                new Keys(Optional.of(folder), Optional.of("wrong"), Optional.empty()), farm()));
        Organization other = farm();
        other.code = "zonneweide-dairy";
        assertThrows(AnchorKeys.Unavailable.class, () -> AnchorKeys.forOrganization(
                new Keys(Optional.of(folder), Optional.of("secret"), Optional.empty()), other));
        assertThrows(AnchorKeys.Unavailable.class, () -> AnchorKeys.forOrganization(
                new Keys(Optional.empty(), Optional.empty(), Optional.empty()), farm()));
    }
}
