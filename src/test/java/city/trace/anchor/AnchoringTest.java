package city.trace.anchor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import city.trace.chain.contract.AnchorRecord;
import city.trace.batch.Batch;
import city.trace.epcis.hash.EventHash;
import city.trace.epcis.EpcisEvent;
import city.trace.chain.contract.ProvenanceRegistry;
import city.trace.merkle.Bytes32;
import city.trace.merkle.InclusionProof;
import city.trace.merkle.Rfc6962;
import city.trace.support.AnvilNode;
import city.trace.support.Anchoring;
import city.trace.support.Demo;
import city.trace.support.EpcisDocs;
import city.trace.support.MachineClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;

/**
 * Every captured event reaches FINAL, and its proof verifies against the root read from the contract through
 * JSON-RPC — by the Java verifier and by the contract's own verifyInclusion — not through the app's database.
 */
@QuarkusTest
class AnchoringTest {

    AnvilNode anvil;

    static List<String> captureEvents(int count) {
        String gtin = EpcisDocs.bakeryGtin();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(EpcisDocs.observe("shipping", "2026-11-20T08:00:00.000+01:00",
                    List.of(EpcisDocs.sgtin(gtin, "A" + i))));
        }
        String document = EpcisDocs.document(events);
        given().auth().oauth2(MachineClient.accessToken()).contentType("application/ld+json").body(document)
                .post("/epcis/capture").then().statusCode(202);
        return given().contentType("application/ld+json").body(document).post("/api/event-hash").then()
                .statusCode(200).extract().jsonPath().getList("hash");
    }

    @Test
    void capturedEventsReachFinalAndTheirProofsVerifyAgainstTheChain() {
        List<String> eventIds = captureEvents(25);
        List<JsonPath> proofs = Anchoring.await(eventIds, Anchoring.status("FINAL"), Duration.ofSeconds(60));

        for (JsonPath proof : proofs) {
            ProvenanceRegistry registry = Anchoring.registry(anvil, proof.getString("contract"));
            Bytes32 root = Bytes32.fromHex(proof.getString("root"));
            AnchorRecord onChain = registry.anchorOf(root).orElseThrow(() -> new AssertionError("root not on chain"));
            assertEquals(proof.getLong("blockNumber"), onChain.blockNumber());
            assertEquals(proof.getLong("treeSize"), onChain.leafCount(), "the proof's tree size is the anchored one");
            assertEquals(proof.getString("txHash"), onChain.transactionHash());

            String hash = proof.getString("hash");
            Bytes32 leaf = Rfc6962.leafHash(EventHash.digestOf(hash));
            InclusionProof inclusion = new InclusionProof(proof.getLong("leafIndex"), proof.getLong("treeSize"),
                    proof.<String>getList("auditPath").stream().map(Bytes32::fromHex).toList());
            assertTrue(inclusion.verifies(leaf, root), "Java verifier");
            assertTrue(registry.verifyInclusion(leaf, inclusion, root), "contract verifyInclusion");
            assertEquals(proof.getString("eventID"), proof.getString("hash"), "events without eventID are named by hash");
            // items of no registered product are on no public page: an anonymous visitor gets the proof, not the event
            assertFalse(proof.getBoolean("disclosed"));
            assertNull(proof.getString("prehash"));
        }
    }

    @Test
    void aProofOfAnUnknownEventIs404() {
        given().get("/api/proofs/urn:uuid:00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void healthAndMetricsReportTheBacklog() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Anchoring' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Anchoring' }.data.backlogEvents", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(MachineClient.metricsToken()).get("/q/metrics").then().statusCode(200)
                .body(containsString("citytrace_anchor_backlog"), containsString("citytrace_anchor_round_size"),
                        containsString("citytrace_anchor_latency"));
    }

    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void theBatchPageShowsEachEventsAnchoring() {
        Batch flour = Demo.read(() -> Batch.find("product.gtin = ?1 order by id", Demo.FLOUR_GTIN).<Batch>firstResult());
        String commissioned = Demo.read(() -> EpcisEvent.listNaming(Batch.<Batch>findById(flour.id).lotLink())
                .getFirst().eventId);
        Anchoring.await(List.of(commissioned), Anchoring.status("FINAL"), Duration.ofSeconds(60));
        given().get("/batches/" + flour.id + "/events").then().statusCode(200)
                .body(containsString("badge-FINAL"), containsString("/api/proofs/ni%3A%2F%2F%2Fsha-256"),
                        containsString("data-refresh=\"/batches/" + flour.id + "/events\""));
    }
}
