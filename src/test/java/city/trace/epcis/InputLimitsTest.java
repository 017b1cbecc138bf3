package city.trace.epcis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import city.trace.support.EpcisDocs;
import city.trace.support.LoggedErrors;
import city.trace.support.MachineClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Hostile input on the two endpoints that parse JSON bodies, capture and the public event hash: every
 * parser limit is a 400 (sizes and counts a 413) problem naming the limit, and nothing logs a stack trace.
 */
@QuarkusTest
class InputLimitsTest {

    private static final String CAPTURE = "/epcis/capture";
    private static final String EVENT_HASH = "/api/event-hash";
    private static String token;

    private LoggedErrors errors;

    @BeforeEach
    void recordErrors() {
        if (token == null) {
            token = MachineClient.accessToken();
        }
        errors = LoggedErrors.record();
    }

    @AfterEach
    void noStackTraces() {
        errors.close();
        assertEquals(List.of(), errors.lines(), "errors logged");
    }

    private static RequestSpecification request(String path) {
        RequestSpecification request = given().contentType("application/ld+json");
        return path.equals(CAPTURE) ? request.auth().oauth2(token) : request;
    }

    private static ValidatableResponse post(String path, String body) {
        return request(path).body(body).post(path).then();
    }

    /** A valid document whose one event carries the extension field ex:probe with this JSON value. */
    static String withExtension(String json) {
        String event = EpcisDocs.observe("shipping", "2026-11-20T08:00:00.000+01:00",
                List.of(EpcisDocs.sgtin(EpcisDocs.bakeryGtin(), "1")));
        return EpcisDocs.document(event.replaceFirst("\\{", "{\"ex:probe\": " + json + ","));
    }

    /** The JSON value nested in arrays so that the document nests {@code depth} levels deep. */
    static String nestedTo(int depth) {
        int arrays = depth - 4; // document, epcisBody, eventList, event
        return "[".repeat(arrays) + "1" + "]".repeat(arrays);
    }

    private static ValidatableResponse badRequest(ValidatableResponse response) {
        return response.statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("epcisException:ValidationException"), "status", equalTo(400));
    }

    @ParameterizedTest
    @ValueSource(strings = { CAPTURE, EVENT_HASH })
    void jsonNestedOverAThousandLevelsIsABadRequest(String path) {
        badRequest(post(path, withExtension(nestedTo(1001))))
                .body("errors[0].detail", allOf(containsString("nesting depth"), containsString("32")));
    }

    @ParameterizedTest
    @ValueSource(strings = { CAPTURE, EVENT_HASH })
    void aNumberOfAThousandDigitsIsABadRequest(String path) {
        badRequest(post(path, withExtension("1".repeat(1001))))
                .body("errors[0].detail", allOf(containsString("number"), containsString("64")));
        badRequest(post(path, withExtension("0." + "3".repeat(1001))))
                .body("errors[0].detail", allOf(containsString("number"), containsString("64")));
    }

    @ParameterizedTest
    @ValueSource(strings = { CAPTURE, EVENT_HASH })
    void aNumberBeyondTheRangeOfTheEventHashIsABadRequest(String path) {
        badRequest(post(path, withExtension("1e400"))).body(containsString("1.8E308"));
        badRequest(post(path, withExtension("-2.5E+999"))).body(containsString("1.8E308"));
    }

    @ParameterizedTest
    @ValueSource(strings = { CAPTURE, EVENT_HASH })
    void overlongStringsAndNamesAreBadRequests(String path) {
        badRequest(post(path, withExtension("\"" + "s".repeat(65_537) + "\"")))
                .body("errors[0].detail", allOf(containsString("string"), containsString("65536")));
        badRequest(post(path, withExtension("{\"ex:" + "n".repeat(65_537) + "\": 1}")))
                .body("errors[0].detail", allOf(containsString("name"), containsString("65536")));
    }

    @Test
    void theEventHashTakesAtMostTheCaptureLimitOfEvents() {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            events.add(EpcisDocs.observe("shipping", "2026-11-20T08:00:00.000+01:00",
                    List.of(EpcisDocs.sgtin(EpcisDocs.bakeryGtin(), "E" + i))));
        }
        post(EVENT_HASH, EpcisDocs.document(events)).statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("epcisException:CaptureLimitExceededException"),
                        "detail", allOf(containsString("201 events"), containsString("at most 200")));
    }

    @Test
    void theEventHashTakesAtMostTheCaptureFileSize() {
        // over 1 MiB (the test profile's file size limit) in strings each within the string limit
        StringBuilder document = new StringBuilder(withExtension("1"));
        while (document.length() <= 1_048_576) {
            document.insert(1, "\"ex:pad" + document.length() + "\": \"" + "p".repeat(60_000) + "\", ");
        }
        post(EVENT_HASH, document.toString()).statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("epcisException:CaptureLimitExceededException"),
                        "detail", containsString("at most 1048576 bytes"));
        // streamed, without a Content-Length
        byte[] body = document.toString().getBytes(StandardCharsets.UTF_8);
        request(EVENT_HASH).body(new ByteArrayInputStream(body)).post(EVENT_HASH).then().statusCode(413)
                .contentType("application/problem+json").body("detail", containsString("at most 1048576 bytes"));
    }
}
