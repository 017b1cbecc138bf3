package city.trace.anchor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

import city.trace.chain.contract.GasSettings;
import city.trace.chain.contract.Member;
import city.trace.chain.contract.ProvenanceRegistry;
import city.trace.chain.contract.TransactionSigner;
import city.trace.merkle.Bytes32;
import city.trace.support.Anchoring;
import city.trace.support.AnvilNode;
import city.trace.support.PackagedApp;
import io.restassured.path.json.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The packaged application is killed (SIGKILL) after it sent an anchoring transaction and before the
 * receipt: on restart it reconciles with the chain and never anchors the round a second time.
 */
class AnchorCrashIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int DEMO_ORGANISATIONS = 6;

    private static EmbeddedPostgres postgres;
    private static AnvilNode anvil;
    private static String registry;

    @BeforeAll
    static void services() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        anvil = AnvilNode.start();
        // the registry exists before the app starts, so that the test decides when blocks are mined
        Web3j web3j = Web3j.build(new HttpService(anvil.rpcUrl()));
        TransactionSigner signer = new TransactionSigner(Credentials.create(AnvilNode.DEV_KEY), AnvilNode.CHAIN_ID);
        // the demo's organisations (ids 1 to 6 on the empty database) are genesis members with their dev accounts:
        // the app needs no admission, which would wait for a block the test does not mine yet
        List<Member> genesis = new ArrayList<>(List.of(Member.consortiumNode(signer.address())));
        for (long organisation = 1; organisation <= DEMO_ORGANISATIONS; organisation++) {
            genesis.add(new Member(AnchorKeys.derived(AnvilNode.DEV_MNEMONIC, organisation).getAddress(),
                    "organisation " + organisation, Bytes32.of(new byte[Bytes32.LENGTH])));
        }
        registry = ProvenanceRegistry.deploy(web3j, signer, genesis, 1,
                BigInteger.ZERO, GasSettings.free(5_000_000), Duration.ofSeconds(30)).registry().address();
        anvil.rpc("anvil_setAutomine", "[false]");
    }

    @AfterAll
    static void stopServices() throws IOException {
        anvil.stop();
        postgres.close();
    }

    @Test
    void anAppKilledBetweenSendingAndTheReceiptAnchorsNothingTwice() throws Exception {
        PackagedApp app = startApp();
        Map<String, Object> sent = awaitRound("SUBMITTED");
        app.kill();

        anvil.rpc("evm_mine", "[]");
        anvil.rpc("anvil_setIntervalMining", "[1]");
        try (PackagedApp restarted = startApp()) {
            Map<String, Object> anchored = awaitRound("FINAL");
            assertEquals(sent.get("tx_hash"), anchored.get("tx_hash"), "the transaction sent before the crash");
            String root = Bytes32.of((byte[]) anchored.get("root")).toPrefixedHex();
            assertEquals(1, Anchoring.anchoredLogs(anvil, registry, root), "anchored once");
            // one anchor from the round's organisation's account: no second anchoring transaction was ever sent
            assertEquals("0x1", JsonPath.from(anvil.rpc("eth_getTransactionCount",
                    "[\"" + anchored.get("sender") + "\", \"latest\"]")).getString("result"));
        }
    }

    /** The packaged app on the test's PostgreSQL and anvil, seeding the demo chain (whose events it anchors). */
    private static PackagedApp startApp() {
        Map<String, String> env = new HashMap<>(Map.of("DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
                "DB_USER", "postgres", "DB_PASSWORD", "", "CITYTRACE_CHAIN_RPC_URL", anvil.rpcUrl(),
                "CITYTRACE_ANCHOR_PRIVATE_KEY", AnvilNode.DEV_KEY, "CITYTRACE_ANCHOR_CONTRACT", registry,
                "CITYTRACE_DEMO_ENABLED", "true",
                // no Keycloak here: do not wait for it at start
                "CITYTRACE_KEYCLOAK_URL", "http://localhost:1", "QUARKUS_OIDC_CONNECTION_DELAY", "1S",
                "QUARKUS_OIDC_API_CONNECTION_DELAY", "1S"));
        env.put("CITYTRACE_ANCHOR_KEYS_DEV_MNEMONIC", AnvilNode.DEV_MNEMONIC);
        return PackagedApp.launch("anchor-crash-it", env).awaitStarted();
    }

    /** Waits until the first round has {@code status}; returns its row. */
    private static Map<String, Object> awaitRound(String status) throws SQLException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
                    ResultSet rs = c.createStatement().executeQuery(
                            "select status, tx_hash, root, sender from anchor_round order by id")) {
                if (rs.next() && status.equals(rs.getString(1))) {
                    return Map.of("tx_hash", rs.getString(2), "root", rs.getBytes(3), "sender", rs.getString(4));
                }
            } catch (SQLException notYet) {
                // the schema is created at the app's first start
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no round reached " + status + " within " + PATIENCE);
            }
            Anchoring.sleep(Duration.ofMillis(200));
        }
    }
}
