package city.trace.epcis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import city.trace.epcis.hash.EventHasher;
import city.trace.epcis.hash.HashVersion;
import city.trace.support.Conformance;
import city.trace.support.Demo;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/**
 * Every GS1 EPCIS 2.0 example document is captured and each of its events can be fetched by its eventID
 * afterwards and re-hashed from that answer alone; what the standard allows but looks wrong is kept as warnings
 * on the capture job.
 */
@QuarkusTest
@TestSecurity(user = "bob", roles = "manufacturer")
@OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
class Gs1ExamplesConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventHasher HASHER = new EventHasher();
    private static final String EVENTS = "epcisBody.queryResults.resultsBody.eventList";
    private static final String SENSOR_REPORT = "/epcisBody/eventList/0/sensorElementList/2/sensorReport/0";

    /** Refused before CityTrace followed the standard rather than its own plausibility rules. */
    private static final Map<String, List<String>> WARNED = Map.of("SensorDataExample8.jsonld", List.of(
            SENSOR_REPORT + "/bizRules :: 'bizRules' is not a field of sensorReport in EPCIS 2.0; extension fields "
                    + "usually have a namespace prefix, e.g. example:bizRules",
            SENSOR_REPORT + "/uom :: uom without a value, minValue, maxValue, meanValue or percValue"));

    @TestFactory
    Stream<DynamicTest> everyExampleIsCapturedAndQueryableByEventId() {
        Path examples = Conformance.folder("epcis-examples");
        return Conformance.files(examples, ".jsonld").stream().map(document -> dynamicTest(
                examples.relativize(document).toString(), () -> capture(document)));
    }

    private static void capture(Path file) throws IOException {
        byte[] body = Files.readAllBytes(file);
        var response = given().contentType("application/ld+json").body(body).post("/epcis/capture");
        List<String> warnings = response.then().statusCode(202).body("success", equalTo(true)).extract().jsonPath()
                .<Map<String, String>>getList("warnings").stream().map(w -> w.get("pointer") + " :: " + w.get("detail"))
                .toList();
        assertEquals(WARNED.getOrDefault(file.getFileName().toString(), List.of()), warnings);

        JsonNode document = JSON.readTree(body);
        JsonNode events = document.at("/epcisBody/eventList").isArray() ? document.at("/epcisBody/eventList")
                : document.at("/epcisBody/queryResults/resultsBody/eventList");
        List<String> hashes = given().contentType("application/ld+json").body(body).post("/api/event-hash")
                .then().statusCode(200).extract().jsonPath().getList("hash");
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            String eventId = event.hasNonNull("eventID") ? event.get("eventID").asText() : hashes.get(i);
            String exported = given().urlEncodingEnabled(false)
                    .get("/epcis/events/" + URLEncoder.encode(eventId, StandardCharsets.UTF_8))
                    .then().statusCode(200)
                    .body(EVENTS, hasSize(1), EVENTS + "[0].eventID", equalTo(eventId),
                            EVENTS + "[0].type", equalTo(event.get("type").asText()),
                            EVENTS + "[0].eventTime", equalTo(event.get("eventTime").asText()))
                    .extract().asString();
            // a partner re-hashes the exported event from the answer alone
            assertEquals(hashes.get(i), HASHER.hashDocument(JSON.readTree(exported), HashVersion.DEFAULT).get(0).hash());
        }
    }
}
