package city.trace.epcis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import city.trace.support.EpcisDocs;
import city.trace.support.MachineClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * What every answer of the EPCIS interface carries, errors included (the REST binding's version headers,
 * and capture's limits), and capture's content types.
 */
@QuarkusTest
class EpcisAnswersTest {

    private static String token;

    @TestHTTPResource("/epcis/capture")
    URI capture;

    @BeforeAll
    static void machineClient() {
        token = MachineClient.accessToken();
    }

    private static ValidatableResponse withVersions(ValidatableResponse response) {
        return response.header("GS1-EPCIS-Version", "2.0.0").header("GS1-CBV-Version", "2.0.0");
    }

    private static ValidatableResponse withCaptureLimits(ValidatableResponse response) {
        return response.header("GS1-EPCIS-Capture-Limit", "200").header("GS1-EPCIS-Capture-File-Size-Limit", "1048576");
    }

    private static String document() {
        return EpcisDocs.document(EpcisDocs.observe("shipping", "2026-11-20T08:00:00.000+01:00",
                List.of(EpcisDocs.sgtin(EpcisDocs.bakeryGtin(), "1"))));
    }

    @Test
    void aCaptureWithoutContentTypeIsRefused() throws IOException, InterruptedException {
        // java.net.http sends no Content-Type unless told (REST Assured always adds one)
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(capture)
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(document()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(null));
        assertTrue(answer.body().contains("epcisException:UnsupportedMediaTypeException"), answer.body());
        assertTrue(answer.body().contains("application/ld+json"), answer.body());
        assertEquals("2.0.0", answer.headers().firstValue("GS1-EPCIS-Version").orElse(null));
        assertEquals("200", answer.headers().firstValue("GS1-EPCIS-Capture-Limit").orElse(null));
    }

    @Test
    void onlyEpcisContentTypesAreCaptured() {
        // (form types are refused before, by the CSRF filter)
        for (String type : List.of("text/plain", "application/octet-stream", "application/ld+json-ish")) {
            withCaptureLimits(withVersions(given().auth().oauth2(token).contentType(type)
                    .body(document().getBytes(StandardCharsets.UTF_8))
                    .post("/epcis/capture").then().statusCode(415).contentType("application/problem+json")
                    .body("type", equalTo("epcisException:UnsupportedMediaTypeException"), "status", equalTo(415),
                            "detail", containsString("application/ld+json"))));
        }
        for (String type : List.of("application/ld+json", "application/json; charset=UTF-8")) {
            withVersions(given().auth().oauth2(token).contentType(type).body(document()).post("/epcis/capture")
                    .then().statusCode(202));
        }
    }

    @Test
    void captureErrorsCarryTheVersionsAndLimits() {
        withCaptureLimits(withVersions(given().auth().oauth2(token).contentType("application/ld+json")
                .body("{\"type\": ").post("/epcis/capture").then().statusCode(400)));
        withCaptureLimits(withVersions(given().contentType("application/ld+json").body(document())
                .post("/epcis/capture").then().statusCode(401)));
        withCaptureLimits(withVersions(given().auth().oauth2(token).get("/epcis/capture/cap-none").then()
                .statusCode(404).contentType("application/problem+json")));
    }

    @Test
    void queryErrorsCarryTheVersions() {
        withVersions(given().auth().oauth2(token).get("/epcis/events?perPage=none").then().statusCode(400)
                .contentType("application/problem+json"));
        withVersions(given().auth().oauth2(token).get("/epcis/events/urn:uuid:00000000-0000-0000-0000-000000000001")
                .then().statusCode(404));
        withVersions(given().get("/epcis/events").then().statusCode(401));
        withVersions(given().auth().oauth2(token).get("/epcis/no-such-resource").then().statusCode(404));
        withVersions(given().auth().oauth2(token).get("/epcis/eventTypes").then().statusCode(200));
    }
}
