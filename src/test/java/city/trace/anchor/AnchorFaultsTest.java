package city.trace.anchor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import city.trace.support.Anchoring;
import city.trace.support.AnvilNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The chain misbehaves; nothing is lost and nothing is anchored twice. Each test injects one fault into the
 * real anvil node: an outage, a transaction dropped from the pool, a reorganisation that removes the anchor.
 */
@QuarkusTest
class AnchorFaultsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    AnvilNode anvil;

    @BeforeEach
    void workerReady() {
        Anchoring.awaitWorkerReady();
    }

    @AfterEach
    void mineAsUsual() {
        anvil.rpc("anvil_setIntervalMining", "[1]");
    }

    /** Blocks only when the test mines them, so it can act between sending and mining. */
    private void mineByHand() {
        anvil.rpc("anvil_setIntervalMining", "[0]");
    }

    @Test
    void eventsCapturedWhileTheChainIsDownAreAnchoredOnceItIsBack() {
        anvil.stop();
        try {
            List<String> events = AnchoringTest.captureEvents(15);
            Anchoring.sleep(Duration.ofSeconds(3));
            events.forEach(id -> assertEquals("PENDING", Anchoring.proof(id).getString("status")));
            given().get("/q/health/ready").then()
                    .body("checks.find { it.name == 'Anchoring' }.data.lastError", notNullValue());
            anvil.restart();
            assertAnchoredOnce(Anchoring.await(events, Anchoring.status("FINAL"), PATIENCE));
        } finally {
            anvil.ensureRunning();
        }
    }

    @Test
    void aTransactionDroppedFromThePoolIsSentAgain() {
        mineByHand();
        List<String> events = AnchoringTest.captureEvents(5);
        String tx = Anchoring.await(events, Anchoring.status("SUBMITTED"), PATIENCE).getFirst().getString("txHash");
        anvil.rpc("anvil_dropTransaction", "[\"" + tx + "\"]");
        assertTrue(transaction(tx) == null, "dropped from the pool");

        awaitInPool(tx);
        anvil.rpc("evm_mine", "[]");
        Anchoring.await(events, Anchoring.status("ANCHORED"), PATIENCE);
        anvil.rpc("evm_mine", "[]");
        assertAnchoredOnce(Anchoring.await(events, Anchoring.status("FINAL"), PATIENCE));
    }

    @Test
    void aReorganisationRemovingTheAnchorLeadsToAnchoringAgain() {
        mineByHand();
        List<String> events = AnchoringTest.captureEvents(5);
        String tx = Anchoring.await(events, Anchoring.status("SUBMITTED"), PATIENCE).getFirst().getString("txHash");
        anvil.rpc("evm_mine", "[]");
        long firstBlock = Anchoring.await(events, Anchoring.status("ANCHORED"), PATIENCE).getFirst().getLong("blockNumber");
        String firstBlockHash = blockHash(firstBlock);

        anvil.rpc("anvil_reorg", "[1, []]");
        assertTrue(receipt(tx) == null, "the reorganisation removed the anchoring transaction");
        awaitInPool(tx);
        anvil.rpc("evm_mine", "[]");
        Anchoring.await(events, Anchoring.status("ANCHORED"), PATIENCE);
        anvil.rpc("evm_mine", "[]");
        List<JsonPath> proofs = Anchoring.await(events, Anchoring.status("FINAL"), PATIENCE);
        assertNotEquals(firstBlockHash, blockHash(proofs.getFirst().getLong("blockNumber")), "anchored in a new block");
        assertAnchoredOnce(proofs);
    }

    /** Each root of these proofs was anchored by exactly one Anchored event on the node's chain. */
    private void assertAnchoredOnce(List<JsonPath> proofs) {
        Set<String> roots = proofs.stream().map(p -> p.getString("root")).collect(Collectors.toSet());
        String contract = proofs.getFirst().getString("contract");
        for (String root : roots) {
            assertEquals(1, Anchoring.anchoredLogs(anvil, contract, root), "anchors of root " + root);
        }
    }

    /** Waits until the worker has sent the transaction again and the node holds it. */
    private void awaitInPool(String tx) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (transaction(tx) == null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("transaction " + tx + " was not sent again");
            }
            Anchoring.sleep(Duration.ofMillis(250));
        }
    }

    private Object transaction(String hash) {
        return JsonPath.from(anvil.rpc("eth_getTransactionByHash", "[\"" + hash + "\"]")).get("result");
    }

    private Object receipt(String hash) {
        return JsonPath.from(anvil.rpc("eth_getTransactionReceipt", "[\"" + hash + "\"]")).get("result");
    }

    private String blockHash(long number) {
        return JsonPath.from(anvil.rpc("eth_getBlockByNumber", "[\"0x" + Long.toHexString(number) + "\", false]"))
                .getString("result.hash");
    }
}
