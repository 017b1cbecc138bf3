package city.trace.chain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import city.trace.merkle.Bytes32;

/** On an EIP-1559 chain that charges fees, the same binding deploys and anchors with the node's suggested fees. */
class FeeChargingChainTest {

    private static TestChain chain;

    @BeforeAll
    static void startChain() {
        chain = TestChain.chargingFees();
    }

    @AfterAll
    static void stopChain() {
        chain.close();
    }

    @Test
    void deployAndAnchorPayingSuggestedFees() {
        GasSettings gas = GasSettings.suggestedBy(chain.web3j, 5_000_000);
        assertTrue(gas.maxFeePerGas().signum() > 0, "a fee-charging chain suggests fees: " + gas);

        ProvenanceRegistry registry = chain.deploy(gas).registry();
        TransactionSigner member = chain.devAccount;

        Bytes32 root = Bytes32.fromHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
        TransactionReceipt anchored = mined(registry,
                registry.anchor(member, chain.nonce(member), gas.withGasLimit(BigInteger.valueOf(100_000)), root, 8,
                        root));

        BigInteger paidPerGas = Numeric.decodeQuantity(anchored.getEffectiveGasPrice());
        assertTrue(paidPerGas.signum() > 0, "paid " + paidPerGas + " wei per gas");
        assertEquals(8, registry.anchorOf(root).orElseThrow().leafCount());
    }

    private static TransactionReceipt mined(ProvenanceRegistry registry, String transactionHash) {
        return registry.requireSuccess(registry.awaitReceipt(transactionHash, TestChain.TIMEOUT));
    }
}
