package city.trace.epcis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import city.trace.support.Demo;
import city.trace.support.EpcisDocs;
import city.trace.support.MachineClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;

/**
 * The query interface against events this test captures (as the bakery's machine client): every parameter,
 * spellings of the same identifier or term, paging, and who may see what.
 */
@QuarkusTest
@TestSecurity(user = "bob", roles = "manufacturer")
@OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
class QueryApiTest {

    private static final String EVENTS = "epcisBody.queryResults.resultsBody.eventList";
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    private static String gtin;
    private static String inputLot;
    private static String outputLot;

    /** Captures this class's events once, before its first test (the app's port is known only then). */
    @BeforeEach
    void captureEvents() {
        if (gtin != null) {
            return;
        }
        gtin = EpcisDocs.bakeryGtin();
        inputLot = "https://id.gs1.org/01/" + gtin + "/10/IN" + gtin.substring(9);
        outputLot = "https://id.gs1.org/01/" + gtin + "/10/OUT" + gtin.substring(9);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            events.add(EpcisDocs.observe(i % 2 == 0 ? "shipping" : "receiving",
                    "2026-11-1" + i + "T08:00:00.000+01:00", List.of(EpcisDocs.sgtin(gtin, "Q" + i))));
        }
        events.add("""
                {"type": "AggregationEvent", "action": "ADD", "eventTime": "2026-11-18T10:00:00.000Z",
                 "eventTimeZoneOffset": "+00:00", "bizStep": "packing",
                 "parentID": "urn:epc:id:sscc:%s.1%s",
                 "childEPCs": ["%s"]}""".formatted(Demo.BAKERY_PREFIX, gtin.substring(4, 13), EpcisDocs.sgtin(gtin, "Q0")));
        events.add("""
                {"type": "TransformationEvent", "eventTime": "2026-11-19T10:00:00.000Z", "eventTimeZoneOffset": "+00:00",
                 "bizStep": "commissioning",
                 "inputQuantityList": [{"epcClass": "%s", "quantity": 5, "uom": "KGM"}],
                 "outputQuantityList": [{"epcClass": "%s", "quantity": 4, "uom": "KGM"}]}""".formatted(inputLot, outputLot));
        captureAsMachine(events);
    }

    private static void captureAsMachine(List<String> events) {
        given().auth().oauth2(MachineClient.accessToken()).contentType("application/ld+json")
                .body(EpcisDocs.document(events)).post("/epcis/capture").then().statusCode(202)
                .body("storedCount", equalTo(events.size()));
    }

    private Response query(String... parameters) {
        var request = given().urlEncodingEnabled(true);
        for (int i = 0; i < parameters.length; i += 2) {
            request.queryParam(parameters[i], parameters[i + 1]);
        }
        return request.get("/epcis/events");
    }

    private List<String> serials(Response response) {
        response.then().statusCode(200);
        List<List<String>> epcLists = response.jsonPath().getList(EVENTS + ".epcList");
        return epcLists.stream().filter(l -> l != null).flatMap(List::stream)
                .map(epc -> epc.substring(epc.lastIndexOf('.') + 1)).toList();
    }

    private String anyOfMine() {
        return "urn:epc:idpat:sgtin:" + EpcisDocs.sgtin(gtin, "*").substring("urn:epc:id:sgtin:".length());
    }

    @Test
    void matchEpcAcceptsUrnAndDigitalLinkAlike() {
        assertEquals(List.of("Q3"), serials(query("MATCH_epc", EpcisDocs.sgtin(gtin, "Q3"))));
        assertEquals(List.of("Q3"), serials(query("MATCH_epc", EpcisDocs.sgtinLink(gtin, "Q3"))));
        assertEquals(List.of("Q3"), serials(query("MATCH_epc",
                "https://example.com/some/path/01/" + gtin + "/21/Q3")));
        assertEquals(List.of("Q2", "Q3"), serials(query("MATCH_epc",
                EpcisDocs.sgtin(gtin, "Q2") + "|" + EpcisDocs.sgtinLink(gtin, "Q3"))));
    }

    @Test
    void patternsMatchEveryInstanceOfAProduct() {
        assertEquals(List.of("Q0", "Q1", "Q2", "Q3", "Q4", "Q5", "Q6"),
                serials(query("MATCH_epc", anyOfMine(), "perPage", "50")));
        query("MATCH_epc", "urn:epc:idpat:sgtin:8712347.*.*").then().statusCode(400)
                .body("type", equalTo("epcisException:QueryParameterException"));
    }

    @Test
    void anyEpcCoversParentChildAndLists() {
        query("MATCH_anyEPC", EpcisDocs.sgtin(gtin, "Q0")).then().statusCode(200)
                .body(EVENTS, hasSize(2), EVENTS + ".type", hasItem("AggregationEvent"));
        query("MATCH_parentID", "urn:epc:id:sscc:" + Demo.BAKERY_PREFIX + ".1" + gtin.substring(4, 13))
                .then().statusCode(200).body(EVENTS, hasSize(1), EVENTS + "[0].type", equalTo("AggregationEvent"));
    }

    @Test
    void classesOfTransformations() {
        query("MATCH_inputEPCClass", inputLot).then().body(EVENTS, hasSize(1));
        query("MATCH_outputEPCClass", outputLot).then().body(EVENTS, hasSize(1));
        query("MATCH_anyEPCClass", outputLot).then().body(EVENTS, hasSize(1));
        query("MATCH_epcClass", outputLot).then().body(EVENTS, hasSize(0));
        query("MATCH_inputEPC", EpcisDocs.sgtin(gtin, "Q1")).then().body(EVENTS, hasSize(0));
    }

    @Test
    void vocabularyInAnySpelling() {
        for (String spelling : List.of("receiving", "https://ref.gs1.org/cbv/BizStep-receiving",
                "urn:epcglobal:cbv:bizstep:receiving", "cbv:BizStep-receiving")) {
            assertEquals(List.of("Q1", "Q3", "Q5"), serials(query("MATCH_epc", anyOfMine(), "EQ_bizStep", spelling)),
                    spelling);
        }
        assertEquals(7, serials(query("MATCH_epc", anyOfMine(), "EQ_disposition", "in_progress", "perPage", "50")).size());
        assertEquals(7, serials(query("MATCH_epc", anyOfMine(), "EQ_action", "OBSERVE", "perPage", "50")).size());
        assertEquals(7, serials(query("MATCH_epc", anyOfMine(), "eventType", "ObjectEvent|TransactionEvent",
                "perPage", "50")).size());
    }

    @Test
    void locationsInAnySpelling() {
        String plant = Demo.BAKERY_PLANT_GLN;
        assertEquals(7, serials(query("MATCH_epc", anyOfMine(), "EQ_readPoint", "https://id.gs1.org/414/" + plant,
                "perPage", "50")).size());
        assertEquals(7, serials(query("MATCH_epc", anyOfMine(), "EQ_readPoint",
                "urn:epc:id:sgln:" + Demo.BAKERY_PREFIX + ".00001.0", "perPage", "50")).size());
        assertEquals(0, serials(query("MATCH_epc", anyOfMine(), "EQ_bizLocation", "https://id.gs1.org/414/" + plant))
                .size());
    }

    @Test
    void timeWindows() {
        assertEquals(List.of("Q2", "Q3"), serials(query("MATCH_epc", anyOfMine(),
                "GE_eventTime", "2026-11-12T07:00:00Z", "LT_eventTime", "2026-11-14T07:00:00.000Z")));
        assertEquals(List.of(), serials(query("MATCH_epc", anyOfMine(), "LT_recordTime", "2000-01-01T00:00:00Z")));
        assertEquals(7, serials(query("MATCH_epc", anyOfMine(), "GE_recordTime", "2000-01-01T00:00:00+02:00",
                "perPage", "50")).size());
    }

    @Test
    void eventIdAndEpcResources() throws Exception {
        String eventId = query("MATCH_epc", EpcisDocs.sgtin(gtin, "Q4")).jsonPath().getString(EVENTS + "[0].eventID");
        query("EQ_eventID", eventId).then().body(EVENTS, hasSize(1));
        given().urlEncodingEnabled(false).get("/epcis/events/" + URLEncoder.encode(eventId, StandardCharsets.UTF_8))
                .then().statusCode(200).body(EVENTS + "[0].eventID", equalTo(eventId));
        assertTrue(rawGet("/epcis/events/" + eventId).contains(eventId), "the eventID written unencoded");
        given().urlEncodingEnabled(false).get("/epcis/events/ni:///sha-256;" + "0".repeat(64) + "?ver=CBV2.0")
                .then().statusCode(404);

        given().urlEncodingEnabled(false)
                .get("/epcis/epcs/" + URLEncoder.encode(EpcisDocs.sgtin(gtin, "Q0"), StandardCharsets.UTF_8) + "/events")
                .then().statusCode(200).body(EVENTS, hasSize(2));
        given().urlEncodingEnabled(false)
                .get("/epcis/epcs/" + URLEncoder.encode(EpcisDocs.sgtinLink(gtin, "Q0"), StandardCharsets.UTF_8) + "/events")
                .then().statusCode(200).body(EVENTS, hasSize(2));
        given().get("/epcis/eventTypes").then().statusCode(200)
                .body("type", equalTo("Collection"), "member", hasItem("TransformationEvent"));
    }

    @Test
    void pagesNeitherRepeatNorSkipWhileEventsArrive() {
        String paged = EpcisDocs.bakeryGtin();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            events.add(EpcisDocs.observe("shipping", "2026-11-10T08:00:00.000+01:00", List.of(EpcisDocs.sgtin(paged, "P" + i))));
        }
        captureAsMachine(events);
        String pattern = "urn:epc:idpat:sgtin:" + EpcisDocs.sgtin(paged, "*").substring("urn:epc:id:sgtin:".length());

        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        Response page = query("MATCH_epc", pattern, "perPage", "3");
        int pages = 0;
        while (true) {
            pages++;
            for (String serial : serials(page)) {
                assertTrue(seen.add(serial), "repeated " + serial);
                order.add(serial);
            }
            if (pages == 1) {
                // events captured after the first page are not part of this query's pages
                captureAsMachine(List.of(EpcisDocs.observe("shipping", "2026-11-09T09:00:00.000+01:00",
                        List.of(EpcisDocs.sgtin(paged, "LATE")))));
            }
            String link = page.header("Link");
            if (link == null) {
                break;
            }
            Matcher next = NEXT.matcher(link);
            assertTrue(next.find(), link);
            page = given().urlEncodingEnabled(false).get(next.group(1));
        }
        assertEquals(List.of("P0", "P1", "P2", "P3", "P4", "P5", "P6"), order);
        assertEquals(3, pages);
        assertEquals(8, serials(query("MATCH_epc", pattern, "perPage", "50")).size(), "a new query sees the late event");
    }

    /** GET with the path exactly as given (REST Assured would take the ?ver= of an Event Hash ID apart). */
    private String rawGet(String path) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + path))
                .header("Authorization", "Bearer " + MachineClient.accessToken()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    @Test
    void badParametersAreListed() {
        query("EQ_colour", "red", "GE_eventTime", "last tuesday", "perPage", "0", "eventType", "Nope")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("epcisException:QueryParameterException"),
                        "errors.pointer", org.hamcrest.Matchers.hasItems("EQ_colour", "GE_eventTime", "perPage",
                                "eventType"));
        query("MATCH_epc", anyOfMine(), "nextPageToken", "bm90LWEtdG9rZW4").then().statusCode(400)
                .body("errors[0].detail", containsString("nextPageToken is not valid"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
    void othersSeeNeitherTheEventsNorThatTheyExist() {
        query("MATCH_epc", anyOfMine()).then().statusCode(200).body(EVENTS, hasSize(0));
        String eventId = Demo.read(() -> EpcisEvent.listNaming(EpcisDocs.sgtinLink(gtin, "Q1")).getFirst().eventId);
        given().urlEncodingEnabled(false).get("/epcis/events/" + URLEncoder.encode(eventId, StandardCharsets.UTF_8))
                .then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "rita", roles = "regulator")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.REGULATOR))
    void regulatorsSeeEverything() {
        assertEquals(7, serials(query("MATCH_epc", anyOfMine(), "perPage", "50")).size());
    }

    @Test
    @TestSecurity(user = "adam", roles = "consortium-admin")
    void accountsWithoutOrganisationCannotQuery() {
        query().then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void lastPageHasNoNextLink() {
        Response response = query("MATCH_epc", EpcisDocs.sgtin(gtin, "Q6"));
        assertNull(response.header("Link"));
        assertNotNull(response.jsonPath().get(EVENTS));
        response.then().body(EVENTS + "[0].errorDeclaration", nullValue());
    }
}
