package city.trace.chain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import city.trace.merkle.Bytes32;
import city.trace.merkle.Rfc6962;

/** The registry on a free-gas london anvil, like a Besu QBFT consortium chain. */
class ProvenanceRegistryTest {

    /** Plenty for every call here; free gas makes the limit cost nothing. */
    private static final GasSettings GAS = GasSettings.free(1_000_000);
    private static final SecureRandom RANDOM = new SecureRandom();

    private static TestChain chain;
    private static ProvenanceRegistry registry;
    private static TransactionSigner member;

    @BeforeAll
    static void deployWithOneMember() {
        chain = TestChain.freeGas();
        member = chain.newAccount();
        ProvenanceRegistry.Deployment deployment = chain.deploy(TestChain.DEPLOY_GAS,
                List.of(Member.consortiumNode(member.address())), 1);
        System.out.printf("ProvenanceRegistry deployment: %d gas%n", deployment.receipt().getGasUsed());
        registry = deployment.registry();
    }

    @AfterAll
    static void stopChain() {
        chain.close();
    }

    /** No admin: the deployer has no say, the genesis members govern. */
    @Test
    void genesisMembersGovernAndFreeGasIsSuggestedAsFree() {
        assertEquals(List.of(Member.consortiumNode(member.address())), registry.members());
        assertEquals(1, registry.threshold());
        assertFalse(registry.isMember(chain.devAccount.address()));
        GasSettings suggested = GasSettings.suggestedBy(chain.web3j, 100_000);
        assertEquals(GasSettings.free(100_000), suggested);
    }

    @Test
    void nonMembersCannotAnchor() {
        TransactionSigner stranger = chain.newAccount();
        Bytes32 root = randomBytes32();

        ContractRevertException estimated = assertThrows(ContractRevertException.class,
                () -> registry.estimateAnchorGas(stranger.address(), root, 5, randomBytes32()));
        assertEquals(Optional.of("NotMember"), estimated.errorName());
        assertEquals(List.of(stranger.address()), estimated.arguments());

        ContractRevertException mined = assertThrows(ContractRevertException.class,
                () -> mined(registry.anchor(stranger, chain.nonce(stranger), GAS, root, 5, randomBytes32())));
        assertEquals(Optional.of("NotMember"), mined.errorName());
        assertEquals(Optional.empty(), registry.anchorOf(root));
    }

    @Test
    void anchorIsReadBackFromTheChain() throws Exception {
        Bytes32 root = randomBytes32();
        Bytes32 batchRef = randomBytes32();
        assertEquals(Optional.empty(), registry.anchorOf(root));

        SignedTransaction signed = registry.signAnchor(member, chain.nonce(member), GAS, root, 10_000, batchRef);
        assertEquals(signed.hash(), registry.send(signed), "the hash is known before sending");
        TransactionReceipt receipt = mined(signed.hash());

        long block = receipt.getBlockNumber().longValueExact();
        Instant blockTime = Instant.ofEpochSecond(chain.web3j.ethGetBlockByNumber(
                DefaultBlockParameter.valueOf(receipt.getBlockNumber()), false).send().getBlock().getTimestamp()
                .longValueExact());
        assertEquals(Optional.of(new AnchorRecord(root, block, blockTime, member.address(), 10_000, batchRef,
                signed.hash())), registry.anchorOf(root));

        assertThrows(ChainRequestException.class, () -> registry.send(signed), "mined already: nonce too low");
    }

    @Test
    void anchoringAnAnchoredRootRevertsWithRootAlreadyAnchored() {
        Bytes32 root = randomBytes32();
        mined(registry.anchor(member, chain.nonce(member), GAS, root, 3, randomBytes32()));

        RootAlreadyAnchoredException estimated = assertThrows(RootAlreadyAnchoredException.class,
                () -> registry.estimateAnchorGas(member.address(), root, 3, randomBytes32()));
        assertEquals(root, estimated.root());

        RootAlreadyAnchoredException mined = assertThrows(RootAlreadyAnchoredException.class,
                () -> mined(registry.anchor(member, chain.nonce(member), GAS, root, 3, randomBytes32())));
        assertEquals(root, mined.root());
        assertEquals(3, registry.anchorOf(root).orElseThrow().leafCount(), "the first anchor stays");
    }

    /** Besu with --revert-reason-enabled reports the revert data in the receipt: no replay needed. */
    @Test
    void revertDataInAReceiptIsDecoded() {
        Bytes32 root = randomBytes32();
        TransactionReceipt reverted = new TransactionReceipt();
        reverted.setStatus("0x0");
        reverted.setTransactionHash("0x" + "ab".repeat(32));
        reverted.setRevertReason(Hash.sha3String("RootAlreadyAnchored(bytes32)").substring(0, 10) + root.toHex());

        assertEquals(root, assertThrows(RootAlreadyAnchoredException.class, () -> registry.requireSuccess(reverted))
                .root());
    }

    @Test
    void anchorGasPerEventAtTenThousandEvents() {
        long leafCount = 10_000;
        // fixed values: the measurement is repeatable (calldata bytes cost 4 gas when zero, 16 otherwise)
        Bytes32 root = Rfc6962.leafHash("gas measurement root".getBytes(StandardCharsets.UTF_8));
        Bytes32 batchRef = Rfc6962.leafHash("gas measurement batch".getBytes(StandardCharsets.UTF_8));
        BigInteger estimate = registry.estimateAnchorGas(member.address(), root, leafCount, batchRef);
        long gasUsed = mined(registry.anchor(member, chain.nonce(member), GAS.withGasLimit(estimate), root, leafCount,
                batchRef)).getGasUsed().longValueExact();
        System.out.printf("anchor: %d gas (estimated %d), %.2f gas per event at %d events%n", gasUsed, estimate,
                (double) gasUsed / leafCount, leafCount);
        assertTrue(gasUsed <= 5 * leafCount, gasUsed + " gas");
    }

    private static TransactionReceipt mined(String transactionHash) {
        return registry.requireSuccess(registry.awaitReceipt(transactionHash, TestChain.TIMEOUT));
    }

    private static Bytes32 randomBytes32() {
        byte[] bytes = new byte[Bytes32.LENGTH];
        RANDOM.nextBytes(bytes);
        return Bytes32.of(bytes);
    }
}
