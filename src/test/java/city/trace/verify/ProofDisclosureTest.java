package city.trace.verify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import city.trace.epcis.EpcisEvent;
import city.trace.support.Anchoring;
import city.trace.support.Browser;
import city.trace.support.Demo;
import city.trace.support.EpcisDocs;
import city.trace.support.MachineClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.ValidatableResponse;

/**
 * A proof reveals what the viewer may see: to anyone the hash, audit path, root and chain data; the pre-hash and
 * the event itself only for events on public pages, or to those the EPCIS interface lets read them.
 */
@QuarkusTest
class ProofDisclosureTest {

    /** An event of goods no member owns, captured by the bakery's machine client: on no public page. */
    private static String privateEvent() {
        String document = EpcisDocs.document("""
                {"type": "ObjectEvent", "action": "OBSERVE", "bizStep": "receiving", "disposition": "in_progress",
                 "eventTime": "2026-11-20T08:00:00.000+01:00", "eventTimeZoneOffset": "+01:00",
                 "readPoint": {"id": "https://id.gs1.org/414/%s"},
                 "quantityList": [{"epcClass": "https://id.gs1.org/01/00614141107346/10/PRIV%s", "quantity": 7, "uom": "KGM"}]}"""
                .formatted(Demo.BAKERY_PLANT_GLN, Browser.unique(6)));
        given().auth().oauth2(MachineClient.accessToken()).contentType("application/ld+json").body(document)
                .post("/epcis/capture").then().statusCode(202);
        String eventId = given().contentType("application/ld+json").body(document).post("/api/event-hash").then()
                .statusCode(200).extract().jsonPath().getString("[0].hash");
        Anchoring.await(List.of(eventId), Anchoring.status("FINAL"), Duration.ofSeconds(60));
        return eventId;
    }

    private static ValidatableResponse proof(String eventId) {
        return given().urlEncodingEnabled(false).get("/api/proofs/" + URLEncoder.encode(eventId, StandardCharsets.UTF_8))
                .then().statusCode(200);
    }

    @Test
    void anonymousVisitorsGetTheProofButNotThePrivateContent() {
        String eventId = privateEvent();
        proof(eventId).body("disclosed", equalTo(false), "$", not(hasKey("prehash")), "$", not(hasKey("event")),
                "hash", startsWith("ni:///sha-256;"), "auditPath", notNullValue(), "root", startsWith("0x"),
                "blockNumber", notNullValue(), "status", equalTo("FINAL"));
    }

    @Test
    void anonymousVisitorsReadEventsThatPublicPagesShow() {
        String commissioning = Demo.read(() -> EpcisEvent.<EpcisEvent>find("bizStep like '%commissioning' order by id")
                .firstResult().eventId);
        proof(commissioning).body("disclosed", equalTo(true), "prehash", startsWith("eventType=ObjectEvent"),
                "event.type", equalTo("ObjectEvent"));
    }

    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void theRecordersOrganisationReadsItsOwnEvents() {
        proof(privateEvent()).body("disclosed", equalTo(true), "prehash", startsWith("eventType=ObjectEvent"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
    void otherOrganisationsDoNot() {
        proof(privateEvent()).body("disclosed", equalTo(false), "$", not(hasKey("prehash")));
    }

    @Test
    @TestSecurity(user = "rita", roles = "regulator")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.REGULATOR))
    void regulatorsReadEveryEvent() {
        proof(privateEvent()).body("disclosed", equalTo(true), "event.type", equalTo("ObjectEvent"));
    }
}
