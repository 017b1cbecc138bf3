package city.trace.support;

import static io.restassured.RestAssured.given;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

import city.trace.chain.contract.ProvenanceRegistry;
import io.restassured.path.json.JsonPath;

/** Watching events on their way to the chain, and reading the chain directly (not through the app). */
public final class Anchoring {

    private Anchoring() {
    }

    /** The proof of an event from the public proof API. */
    public static JsonPath proof(String eventId) {
        return given().urlEncodingEnabled(false).get("/api/proofs/" + URLEncoder.encode(eventId, StandardCharsets.UTF_8))
                .then().statusCode(200).extract().jsonPath();
    }

    /** Waits until every event's proof satisfies {@code condition}; returns the last proofs seen. */
    public static List<JsonPath> await(List<String> eventIds, Predicate<JsonPath> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<JsonPath> proofs = eventIds.stream().map(Anchoring::proof).toList();
            if (proofs.stream().allMatch(condition)) {
                return proofs;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + timeout + ": "
                        + proofs.stream().map(p -> p.getString("eventID") + "=" + p.getString("status")).toList());
            }
            sleep(Duration.ofMillis(250));
        }
    }

    /**
     * Waits until the database says every event's round has {@code status}, without asking the app's verifier
     * (which would check, and remember, the roots on the chain).
     */
    public static void awaitStored(List<String> eventIds, String status, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (((Number) Demo.read(() -> city.trace.epcis.EpcisEvent.getEntityManager().createNativeQuery(
                "select count(*) from epcis_event e join anchor_leaf l on l.event_id = e.id "
                        + "join anchor_round r on r.id = l.round_id where e.event_id = any(?1) and r.status = ?2")
                .setParameter(1, eventIds.toArray(String[]::new)).setParameter(2, status).getSingleResult()))
                .intValue() < eventIds.size()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + status + " within " + timeout + ": " + eventIds);
            }
            sleep(Duration.ofMillis(250));
        }
    }

    /**
     * Waits until the worker has anchored the events recorded at start-up (the demo chain): the registry is
     * deployed and a full round trip to the chain has worked, so a test may start bending the chain.
     */
    public static void awaitWorkerReady() {
        String first = Demo.read(() -> city.trace.epcis.EpcisEvent.<city.trace.epcis.EpcisEvent>find("order by id")
                .firstResult().eventId);
        await(List.of(first), status("FINAL"), Duration.ofSeconds(120));
    }

    public static Predicate<JsonPath> status(String status) {
        return proof -> status.equals(proof.getString("status"));
    }

    /** The registry the proofs name, read through the test's own connection to the node. */
    public static ProvenanceRegistry registry(AnvilNode anvil, String address) {
        return new ProvenanceRegistry(Web3j.build(new HttpService(anvil.rpcUrl())), address);
    }

    /** The Anchored events the contract emitted for {@code root}, read from the node's logs. */
    public static int anchoredLogs(AnvilNode anvil, String contract, String root) {
        return logsOf(anvil, "\"address\": \"" + contract + "\", ", root);
    }

    /** The Anchored events any contract on the chain emitted for {@code root}. */
    public static int anchoredLogsOnAnyContract(AnvilNode anvil, String root) {
        return logsOf(anvil, "", root);
    }

    private static int logsOf(AnvilNode anvil, String addressFilter, String root) {
        String topic = org.web3j.crypto.Hash.sha3String("Anchored(bytes32,address,uint64,bytes32)");
        String logs = anvil.rpc("eth_getLogs", "[{\"fromBlock\": \"0x0\", \"toBlock\": \"latest\", " + addressFilter
                + "\"topics\": [\"" + topic + "\", \"" + root + "\"]}]");
        return JsonPath.from(logs).getList("result").size();
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
