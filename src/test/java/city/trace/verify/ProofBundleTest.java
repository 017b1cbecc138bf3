package city.trace.verify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import city.trace.epcis.EpcisEvent;
import city.trace.support.Anchoring;
import city.trace.support.AnvilNode;
import city.trace.support.Browser;
import city.trace.support.Demo;
import city.trace.support.EpcisDocs;
import city.trace.support.MachineClient;
import city.trace.proof.AnchoringStatus;
import city.trace.proof.BundleEvent;
import city.trace.proof.ProofBundle;
import city.trace.proof.ProofBundleJson;
import city.trace.proof.cli.VerifyBundleCommand;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The proof bundle the public page offers is checked by the command-line verifier against the chain node
 * alone: what it proves does not rest on the app.
 */
@QuarkusTest
class ProofBundleTest {

    AnvilNode anvil;

    @BeforeEach
    void demoChainAnchored() {
        Anchoring.awaitWorkerReady();
    }

    private record Verified(int exitCode, String output) {
    }

    /** The command-line verifier, on a downloaded bundle, asking the test's own anvil. */
    private Verified verifyWithCli(String bundleJson) throws IOException {
        Path file = Files.createTempFile("proof-bundle", ".json");
        try {
            Files.writeString(file, bundleJson);
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
            int exitCode = VerifyBundleCommand.run(List.of(file.toString(), "--rpc", anvil.rpcUrl()), out, out);
            return new Verified(exitCode, output.toString(StandardCharsets.UTF_8));
        } finally {
            Files.delete(file);
        }
    }

    private static String download(String digitalLinkPath) {
        return given().get("/api/bundles" + digitalLinkPath).then().statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Content-Disposition", startsWith("attachment; filename=\"citytrace-proof-"))
                .extract().asString();
    }

    @Test
    void theBreadLotsBundleVerifiesAgainstTheChainNode() throws IOException {
        String lot = Demo.breadLot();
        String path = "/01/" + Demo.BREAD_GTIN + "/10/" + lot;
        Anchoring.await(ProofBundleJson.read(download(path)).events().stream().map(BundleEvent::eventID).toList(),
                Anchoring.status("FINAL"), Duration.ofSeconds(60));
        String json = download(path);
        ProofBundle bundle = ProofBundleJson.read(json);
        assertEquals(Demo.BREAD_GTIN, bundle.subject().gtin());
        assertEquals(lot, bundle.subject().lot());
        // the bread's own steps and, upstream, the flour's, the wheat's and the milk's
        assertTrue(bundle.events().size() >= 10, "events: " + bundle.events().size());
        bundle.events().forEach(event -> assertEquals(AnchoringStatus.FINAL, event.status(), event.eventID()));
        // the page embeds the same events
        given().accept("text/html").get(path).then()
                .body(containsString(bundle.events().getFirst().eventID()));

        // each proof names the member that anchored its root, with its membership as the registry records it
        bundle.events().forEach(event -> assertTrue(event.proof().member() != null
                && event.proof().member().statesTerm(), event.eventID()));

        Verified verified = verifyWithCli(json);
        assertEquals(0, verified.exitCode(), verified.output());
        assertTrue(verified.output().contains("Result: " + bundle.events().size() + " VERIFIED"), verified.output());
        assertTrue(verified.output().contains("  ok    member     anchored by Noorderlicht Mill & Bakery (0x"),
                verified.output());
    }

    @Test
    void aBundleOfATamperedEventFailsTheCommandLineVerifier() throws IOException {
        String serial = "PB" + Browser.unique(8);
        String document = EpcisDocs.document(EpcisDocs.observe("shipping", "2026-11-20T08:00:00.000+01:00",
                List.of(EpcisDocs.sgtin(Demo.BREAD_GTIN, serial))));
        given().auth().oauth2(MachineClient.accessToken()).contentType("application/ld+json").body(document)
                .post("/epcis/capture").then().statusCode(202);
        String eventId = given().contentType("application/ld+json").body(document).post("/api/event-hash").then()
                .extract().jsonPath().getString("hash[0]");
        Anchoring.await(List.of(eventId), Anchoring.status("FINAL"), Duration.ofSeconds(60));
        String path = "/01/" + Demo.BREAD_GTIN + "/21/" + serial;
        assertEquals(0, verifyWithCli(download(path)).exitCode());

        QuarkusTransaction.requiringNew().run(() -> EpcisEvent.getEntityManager().createNativeQuery(
                "update epcis_event set event = jsonb_set(event, '{bizStep}', '\"receiving\"') where event_id = ?1")
                .setParameter(1, eventId).executeUpdate());
        Verified tampered = verifyWithCli(download(path));
        assertEquals(4, tampered.exitCode(), tampered.output());
        assertTrue(tampered.output().contains("TAMPERED"), tampered.output());
    }

    @Test
    void thereIsNoBundleOfWhatIsNotRecorded() {
        given().accept("application/json").get("/api/bundles/01/" + Demo.BREAD_GTIN + "/10/NO-SUCH-LOT").then()
                .statusCode(404).contentType(startsWith("application/problem+json"));
        given().accept("application/json").get("/api/bundles/01/" + Demo.BREAD_GTIN + "/21/NO-SUCH-SERIAL").then()
                .statusCode(404);
    }
}
