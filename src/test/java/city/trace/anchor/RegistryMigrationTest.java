package city.trace.anchor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import city.trace.chain.contract.ContractArtifact;
import city.trace.chain.contract.ProvenanceRegistry;
import city.trace.chain.contract.SignedTransaction;
import city.trace.chain.contract.TransactionSigner;
import city.trace.merkle.Bytes32;
import city.trace.support.Anchoring;
import city.trace.support.AnvilNode;
import city.trace.support.Demo;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A database of a CityTrace from before governance names a registry whose administrator admitted its members. Such a
 * registry records no membership terms, so the verifier cannot say who vouches for its roots: its rounds move to the
 * governed registry and are anchored there again, and their events verify. A round stored as anchored there whose
 * root that registry never held is not moved.
 */
@QuarkusTest
class RegistryMigrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    AnchorChain chain;

    @Inject
    RegistryMigration migration;

    @Inject
    Web3j web3j;

    /** The administrator of the old registry, also its one member; gas is free on the test chain. */
    private final TransactionSigner administrator = new TransactionSigner(Credentials.create(createKeys()), AnvilNode.CHAIN_ID);
    private long administratorNonce;

    private static ECKeyPair createKeys() {
        try {
            return Keys.createEcKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private TransactionReceipt sendAsAdministrator(String to, String data) {
        SignedTransaction signed = administrator.sign(to, data, BigInteger.valueOf(administratorNonce++),
                chain.gas(BigInteger.valueOf(3_000_000)));
        ProvenanceRegistry any = chain.registry();
        return any.requireSuccess(any.awaitReceipt(any.send(signed), WAIT));
    }

    /** Deploys the registry as CityTrace did before governance and anchors the rounds' roots in it, as its member. */
    private ProvenanceRegistry legacyRegistryAnchoring(List<AnchorRound> rounds) {
        String legacy = sendAsAdministrator(null, ContractArtifact.load("LegacyProvenanceRegistry").bytecode())
                .getContractAddress();
        sendAsAdministrator(legacy, FunctionEncoder.encode(new Function("addMember",
                List.of(new Address(administrator.address())), List.of())));
        ProvenanceRegistry registry = new ProvenanceRegistry(web3j, legacy);
        for (AnchorRound round : rounds) {
            registry.requireSuccess(registry.awaitReceipt(registry.anchor(administrator,
                    BigInteger.valueOf(administratorNonce++), chain.gas(BigInteger.valueOf(300_000)),
                    Bytes32.of(round.root), round.leafCount, AnchorWorker.roundRef(round.id)), WAIT));
        }
        return registry;
    }

    private static AnchorRound roundOf(JsonPath proof) {
        byte[] root = Bytes32.fromHex(proof.getString("root")).toByteArray();
        return Demo.read(() -> AnchorRound.<AnchorRound>find("root", root).firstResult());
    }

    /** Makes the round name {@code contract}, as the database of an older CityTrace would. */
    private static void pointAt(AnchorRound round, String contract) {
        Demo.read(() -> AnchorRound.update("contract = ?1 where id = ?2", contract, round.id));
    }

    @Test
    void roundsOfARegistryFromBeforeGovernanceAreAnchoredAgainInTheGovernedOneAndVerify() {
        chain.ensureReady();
        String governed = chain.registry().address();
        List<String> moved = AnchoringPerOrganizationTest.store(Demo.FARM, 2);
        List<String> forged = AnchoringPerOrganizationTest.store(Demo.DAIRY, 1);
        AnchorRound movedRound = roundOf(Anchoring.await(moved, Anchoring.status("FINAL"), WAIT).getFirst());
        AnchorRound forgedRound = roundOf(Anchoring.await(forged, Anchoring.status("FINAL"), WAIT).getFirst());

        ProvenanceRegistry legacy = legacyRegistryAnchoring(List.of(movedRound));
        assertFalse(legacy.isGoverned());
        assertTrue(chain.registry().isGoverned());
        pointAt(movedRound, legacy.address());
        pointAt(forgedRound, legacy.address()); // stored as anchored there, but the old registry never held its root
        // the old registry names who anchored, but no membership: no page may say who vouches
        for (String event : List.of(moved.getFirst(), forged.getFirst())) {
            JsonPath proof = Anchoring.proof(event);
            assertEquals("NOT_ON_CHAIN", proof.getString("verification"), proof.prettify());
        }

        assertEquals(1, migration.moveLegacyRounds(governed));
        assertEquals(0, migration.moveLegacyRounds(governed), "nothing left to move");
        for (JsonPath proof : Anchoring.await(moved, p -> "VERIFIED".equals(p.getString("verification")), WAIT)) {
            assertTrue(governed.equalsIgnoreCase(proof.getString("contract")));
            assertEquals("De Korenaar Farm", proof.getString("member.name"), "its organisation vouches for it there");
        }
        assertTrue(legacy.address().equalsIgnoreCase(roundOf(Anchoring.proof(forged.getFirst())).contract));
        assertEquals("NOT_ON_CHAIN", Anchoring.proof(forged.getFirst()).getString("verification"));
    }
}
