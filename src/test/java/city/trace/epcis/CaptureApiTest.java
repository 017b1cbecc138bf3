package city.trace.epcis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import city.trace.support.Browser;
import city.trace.support.Demo;
import city.trace.support.EpcisDocs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;

@QuarkusTest
@TestSecurity(user = "bob", roles = "manufacturer")
@OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
class CaptureApiTest {

    private static final String EVENT_TIME = "2026-11-20T08:00:00.000+01:00";

    private static Response capture(String document, String errorBehaviour) {
        var request = given().contentType("application/ld+json").body(document);
        if (errorBehaviour != null) {
            request.header("GS1-Capture-Error-Behaviour", errorBehaviour);
        }
        return request.post("/epcis/capture");
    }

    private static long storedWith(String epcLink) {
        return Demo.read(() -> EpcisEvent.listNaming(epcLink).size());
    }

    @Test
    void capturedEventsAreStoredAndFetchableByEventId() {
        String gtin = EpcisDocs.bakeryGtin();
        String id = "urn:uuid:" + UUID.randomUUID();
        String document = EpcisDocs.document(
                EpcisDocs.observe("receiving", EVENT_TIME, List.of(EpcisDocs.sgtin(gtin, "1"))).replaceFirst("\\{",
                        "{\"eventID\": \"" + id + "\","),
                EpcisDocs.observe("shipping", EVENT_TIME, List.of(EpcisDocs.sgtin(gtin, "2"))));
        String location = capture(document, null)
                .then().statusCode(202)
                .header("Location", matchesPattern(".*/epcis/capture/cap-[0-9a-f]{24}"))
                .header("GS1-EPCIS-Capture-Limit", "200")
                .body("success", equalTo(true), "running", equalTo(false), "storedCount", equalTo(2),
                        "captureErrorBehaviour", equalTo("rollback"))
                .extract().header("Location");

        given().get(location).then().statusCode(200).body("success", equalTo(true), "errors", hasSize(0));
        given().get("/epcis/events/" + id).then().statusCode(200)
                .contentType(containsString("json"))
                .body("type", equalTo("EPCISQueryDocument"),
                        "epcisBody.queryResults.resultsBody.eventList", hasSize(1),
                        "epcisBody.queryResults.resultsBody.eventList[0].eventID", equalTo(id),
                        "epcisBody.queryResults.resultsBody.eventList[0].bizStep", equalTo("receiving"),
                        "epcisBody.queryResults.resultsBody.eventList[0].recordTime", matchesPattern(".+Z"),
                        "'@context'[1].ex", equalTo("https://example.com/ns/"));
    }

    /** Found by sending GS1's own examples: a reading later than its event is allowed by the standard. */
    @Test
    void whatTheStandardAllowsButLooksWrongIsStoredWithAWarningOnTheJobAndTheDashboard() {
        String gtin = EpcisDocs.bakeryGtin();
        String serial = "W" + Browser.unique(6);
        String document = EpcisDocs.document(EpcisDocs.observe("inspecting", EVENT_TIME, List.of(EpcisDocs.sgtin(gtin, serial)))
                .replaceFirst("\\{", "{\"sensorElementList\": [{\"sensorReport\": [{\"type\": \"Temperature\", "
                        + "\"value\": 4, \"uom\": \"CEL\", \"time\": \"2026-11-20T09:00:00.000+01:00\"}]}],"));
        String pointer = "/epcisBody/eventList/0/sensorElementList/0/sensorReport/0/time";
        String location = capture(document, null).then().statusCode(202)
                .body("success", equalTo(true), "storedCount", equalTo(1), "warnings", hasSize(1),
                        "warnings[0].pointer", equalTo(pointer),
                        "warnings[0].detail", equalTo("time is later than eventTime: a reading after its event"))
                .extract().header("Location");
        assertEquals(1, storedWith(EpcisDocs.sgtinLink(gtin, serial)));

        given().get(location).then().statusCode(200).body("warnings[0].pointer", equalTo(pointer));
        String captureId = location.substring(location.lastIndexOf('/') + 1);
        given().get("/dashboard").then().statusCode(200)
                .body(containsString("EPCIS captures"), containsString("<code>" + captureId + "</code>"),
                        containsString("<code>" + pointer + "</code>: time is later than eventTime"));
    }

    /** Found with GS1's Example-TransactionEvents: a business transaction without a type failed with 500. */
    @Test
    void aBusinessTransactionWithoutATypeIsCaptured() {
        String gtin = EpcisDocs.bakeryGtin();
        String serial = "T" + Browser.unique(6);
        String document = EpcisDocs.document(EpcisDocs.observe("inspecting", EVENT_TIME,
                List.of(EpcisDocs.sgtin(gtin, serial))).replaceFirst("\\{",
                        "{\"bizTransactionList\": [{\"bizTransaction\": \"urn:epcglobal:cbv:bt:" + Demo.BAKERY_PLANT_GLN
                                + ":" + serial + "\"}],"));
        capture(document, null).then().statusCode(202).body("success", equalTo(true), "storedCount", equalTo(1));
        assertEquals(1, storedWith(EpcisDocs.sgtinLink(gtin, serial)));
    }

    @Test
    void eventWithoutEventIdIsIdentifiedByItsHash() {
        String gtin = EpcisDocs.bakeryGtin();
        String document = EpcisDocs.document(EpcisDocs.observe("shipping", EVENT_TIME, List.of(EpcisDocs.sgtin(gtin, "7"))));
        capture(document, null).then().statusCode(202);
        String hash = given().contentType("application/ld+json").body(document).post("/api/event-hash")
                .then().statusCode(200).extract().path("[0].hash");

        given().urlEncodingEnabled(false).get("/epcis/events/" + URLEncoder.encode(hash, StandardCharsets.UTF_8))
                .then().statusCode(200)
                .body("epcisBody.queryResults.resultsBody.eventList[0].eventID", equalTo(hash));
        assertEquals(hash, Demo.read(() -> EpcisEvent.listNaming(EpcisDocs.sgtinLink(gtin, "7")).getFirst().hash));
    }

    @Test
    void capturingTheSameDocumentAgainStoresNothingNew() {
        String gtin = EpcisDocs.bakeryGtin();
        String document = EpcisDocs.document(EpcisDocs.observe("shipping", EVENT_TIME, List.of(EpcisDocs.sgtin(gtin, "3"))),
                EpcisDocs.observe("shipping", EVENT_TIME, List.of(EpcisDocs.sgtin(gtin, "3"))));
        capture(document, null).then().statusCode(202).body("storedCount", equalTo(1), "success", equalTo(true));
        capture(document, null).then().statusCode(202).body("storedCount", equalTo(0), "success", equalTo(true));
        assertEquals(1, storedWith(EpcisDocs.sgtinLink(gtin, "3")));
    }

    @Test
    void rollbackRefusesTheWholeDocumentAndListsEveryProblem() {
        String gtin = EpcisDocs.bakeryGtin();
        String badGtin = gtin.substring(0, 13) + (gtin.charAt(13) - '0' + 1) % 10;
        String document = EpcisDocs.document(
                EpcisDocs.observe("shipping", EVENT_TIME, List.of(EpcisDocs.sgtin(gtin, "4"))),
                EpcisDocs.observe("shipping", "2026-11-20T08:00:00", List.of(EpcisDocs.sgtin(gtin, "5"))),
                EpcisDocs.observe("no_such_step", EVENT_TIME, List.of("https://id.gs1.org/01/" + badGtin + "/21/6")));
        capture(document, null).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("epcisException:ValidationException"),
                        "errors.pointer", org.hamcrest.Matchers.hasItems("/epcisBody/eventList/1/eventTime",
                                "/epcisBody/eventList/2/bizStep", "/epcisBody/eventList/2/epcList/0"),
                        "errors.find { it.pointer == '/epcisBody/eventList/2/epcList/0' }.detail",
                        containsString("check digit"));
        assertEquals(0, storedWith(EpcisDocs.sgtinLink(gtin, "4")));
    }

    @Test
    void proceedStoresTheValidEventsAndReportsTheOthers() {
        String gtin = EpcisDocs.bakeryGtin();
        String document = EpcisDocs.document(
                EpcisDocs.observe("shipping", EVENT_TIME, List.of(EpcisDocs.sgtin(gtin, "8"))),
                EpcisDocs.observe("shipping", "yesterday", List.of(EpcisDocs.sgtin(gtin, "9"))));
        String location = capture(document, "proceed").then().statusCode(202)
                .body("success", equalTo(false), "storedCount", equalTo(1), "captureErrorBehaviour", equalTo("proceed"),
                        "errors", hasSize(1), "errors[0].instance", equalTo("/epcisBody/eventList/1"),
                        "errors[0].errors[0].pointer", equalTo("/epcisBody/eventList/1/eventTime"))
                .extract().header("Location");
        given().get(location).then().statusCode(200).body("success", equalTo(false), "errors", hasSize(1));
        assertEquals(1, storedWith(EpcisDocs.sgtinLink(gtin, "8")));
        assertEquals(0, storedWith(EpcisDocs.sgtinLink(gtin, "9")));
    }

    @Test
    void anEventIdCannotBeReusedForAnotherEvent() {
        String gtin = EpcisDocs.bakeryGtin();
        String id = "urn:uuid:" + UUID.randomUUID();
        String first = EpcisDocs.observe("shipping", EVENT_TIME, List.of(EpcisDocs.sgtin(gtin, "10")))
                .replaceFirst("\\{", "{\"eventID\": \"" + id + "\",");
        capture(EpcisDocs.document(first), null).then().statusCode(202);
        capture(EpcisDocs.document(first.replace("shipping", "receiving")), null).then().statusCode(400)
                .body("errors[0].pointer", equalTo("/epcisBody/eventList/0/eventID"),
                        "errors[0].detail", containsString("already used by a different event"));
    }

    @Test
    void limitsAreAdvertisedAndEnforced() {
        given().options("/epcis/capture").then().statusCode(204)
                .header("GS1-EPCIS-Capture-Limit", "200")
                .header("GS1-EPCIS-Capture-File-Size-Limit", "1048576")
                .header("GS1-EPCIS-Version", startsWith("2.0"));

        String gtin = EpcisDocs.bakeryGtin();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            events.add(EpcisDocs.observe("shipping", EVENT_TIME, List.of(EpcisDocs.sgtin(gtin, "L" + i))));
        }
        capture(EpcisDocs.document(events), null).then().statusCode(413)
                .contentType("application/problem+json")
                .header("GS1-EPCIS-Capture-Limit", "200")
                .body("type", equalTo("epcisException:CaptureLimitExceededException"),
                        "detail", containsString("201 events"));

        String padding = "x".repeat(1_100_000);
        capture(EpcisDocs.document(EpcisDocs.observe("shipping", EVENT_TIME, List.of(EpcisDocs.sgtin(gtin, "P"))))
                .replace("\"type\": \"EPCISDocument\"", "\"ex:padding\": \"" + padding + "\", \"type\": \"EPCISDocument\""), null)
                .then().statusCode(413).body("detail", containsString("at most 1048576 bytes"));
        assertEquals(0, storedWith(EpcisDocs.sgtinLink(gtin, "L0")));
    }

    @Test
    void aBodyThatIsNoDocumentOfItsTypeIsRefused() {
        given().contentType("application/xml").body("<epcis/>").post("/epcis/capture")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].detail", containsString("not an EPCISDocument"));
        given().contentType("application/json").body("[1, 2]").post("/epcis/capture")
                .then().statusCode(400).body("errors[0].detail", containsString("must be a JSON object"));
    }

    @Test
    @TestSecurity(user = "rita", roles = "regulator")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.REGULATOR))
    void regulatorsDoNotCapture() {
        capture(EpcisDocs.document(EpcisDocs.observe("shipping", EVENT_TIME,
                List.of(EpcisDocs.sgtin(EpcisDocs.bakeryGtin(), Browser.unique(5))))), null)
                .then().statusCode(403).contentType("application/problem+json");
    }
}
