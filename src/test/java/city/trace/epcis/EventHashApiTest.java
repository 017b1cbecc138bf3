package city.trace.epcis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import city.trace.support.Conformance;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** POST /api/event-hash reproduces every shared event-hash vector, publicly, and explains bad input. */
@QuarkusTest
class EventHashApiTest {

    @TestFactory
    Stream<DynamicTest> everyVectorThroughTheApi() {
        Path documents = Conformance.folder("event-hash/documents");
        Path expected = Conformance.folder("event-hash/expected");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path document : Conformance.files(documents, ".jsonld")) {
            String name = document.getFileName().toString().replace(".jsonld", "");
            for (String version : List.of("CBV2.0", "CBV2.1")) {
                Path hashes = expected.resolve(version).resolve(name + ".hashes");
                if (Files.exists(hashes)) {
                    tests.add(dynamicTest(name + " " + version, () -> check(document, hashes, version)));
                }
            }
        }
        assertFalse(tests.isEmpty(), "no vectors found");
        return tests.stream();
    }

    private static void check(Path document, Path hashes, String version) throws IOException {
        JsonPath answer = given().contentType("application/ld+json").body(Files.readAllBytes(document))
                .queryParam("ver", version).post("/api/event-hash")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(lines(hashes), answer.getList("hash"));
        Path prehashes = hashes.resolveSibling(hashes.getFileName().toString().replace(".hashes", ".prehashes"));
        if (Files.exists(prehashes)) {
            assertEquals(lines(prehashes), answer.getList("prehash"));
        }
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList();
    }

    @Test
    void defaultVersionIsCbv20AndJsonIsAccepted() {
        given().contentType("application/json").body(minimalDocument()).post("/api/event-hash")
                .then().statusCode(200).body("[0].hash", containsString("?ver=CBV2.0"),
                        "[0].prehash", containsString("eventType=ObjectEvent"));
    }

    @Test
    void brokenJsonIsAProblem() {
        given().contentType("application/json").body("{\"type\": ").post("/api/event-hash")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400), "errors[0].detail", containsString("not valid JSON"));
    }

    @Test
    void unknownVersionIsAProblem() {
        given().contentType("application/json").body(minimalDocument()).queryParam("ver", "CBV9")
                .post("/api/event-hash")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].detail", containsString("ver must be CBV2.0 or CBV2.1"));
    }

    @Test
    void unhashableEventIsAProblem() {
        given().contentType("application/json")
                .body(minimalDocument().replace("\"ObjectEvent\"", "\"NoSuchEvent\"")).post("/api/event-hash")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("unknown event type"));
    }

    static String minimalDocument() {
        return """
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-11-22T10:00:00.000Z",
                 "epcisBody": {"eventList": [
                   {"type": "ObjectEvent", "action": "OBSERVE", "bizStep": "shipping",
                    "eventTime": "2026-11-22T09:00:00.000+01:00", "eventTimeZoneOffset": "+01:00",
                    "epcList": ["urn:epc:id:sgtin:0614141.107346.2017"]}]}}""";
    }
}
