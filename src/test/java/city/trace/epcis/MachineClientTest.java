package city.trace.epcis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import city.trace.support.EpcisDocs;
import city.trace.support.Demo;
import city.trace.support.MachineClient;
import io.quarkus.test.junit.QuarkusTest;

/** Partner systems capture and query with bearer tokens from the realm's client-credentials client. */
@QuarkusTest
class MachineClientTest {

    @Test
    void withoutATokenTheApiAnswers401NotALoginRedirect() {
        given().redirects().follow(false).contentType("application/ld+json").body(EpcisDocs.document())
                .post("/epcis/capture")
                .then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
        given().redirects().follow(false).get("/epcis/events").then().statusCode(401);
    }

    @Test
    void aForgedTokenIsRefused() {
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl").get("/epcis/events")
                .then().statusCode(401);
    }

    @Test
    void machineClientCapturesForItsOrganisationAndQueries() {
        String token = MachineClient.accessToken();
        String gtin = EpcisDocs.bakeryGtin();
        String link = EpcisDocs.sgtinLink(gtin, "M1");
        String location = given().auth().oauth2(token).contentType("application/ld+json")
                .body(EpcisDocs.document(EpcisDocs.observe("shipping", "2026-11-20T08:00:00.000+01:00",
                        List.of(EpcisDocs.sgtin(gtin, "M1")))))
                .post("/epcis/capture")
                .then().statusCode(202).body("success", equalTo(true)).extract().header("Location");

        given().auth().oauth2(token).get(location).then().statusCode(200).body("storedCount", equalTo(1));
        given().auth().oauth2(token).queryParam("MATCH_epc", link).get("/epcis/events")
                .then().statusCode(200).body("epcisBody.queryResults.resultsBody.eventList[0].bizStep", equalTo("shipping"));
        assertEquals(MachineClient.ORGANIZATION,
                Demo.read(() -> EpcisEvent.listNaming(link).getFirst().organization.code));
    }
}
