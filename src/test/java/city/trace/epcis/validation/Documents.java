package city.trace.epcis.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small inline EPCIS documents for the tests, written with single quotes for readability. */
final class Documents {

    static final String EVENT_0 = "/epcisBody/eventList/0";
    static final ObjectMapper JSON = new ObjectMapper();
    static final EpcisValidator VALIDATOR = new EpcisValidator();

    private Documents() {
    }

    /** Parses JSON written with ' for ". */
    static JsonNode json(String singleQuoted) {
        try {
            return JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A valid ObjectEvent, to be changed by the test. */
    static ObjectNode objectEvent() {
        return (ObjectNode) json("""
                {'type': 'ObjectEvent', 'eventTime': '2026-11-22T10:15:00.000+01:00', 'eventTimeZoneOffset': '+01:00',
                 'epcList': ['urn:epc:id:sgtin:0614141.107346.2017'], 'action': 'OBSERVE', 'bizStep': 'shipping',
                 'readPoint': {'id': 'urn:epc:id:sgln:0614141.07346.1234'}}""");
    }

    /** A valid event of the given type with the given fields besides type, times and readPoint. */
    static ObjectNode event(String type, String fields) {
        ObjectNode event = (ObjectNode) json("{'type': '" + type + "', 'eventTime': '2026-11-22T10:15:00Z', "
                + "'eventTimeZoneOffset': '+01:00', 'readPoint': {'id': 'urn:epc:id:sgln:0614141.07346.1234'}}");
        event.setAll((ObjectNode) json(fields));
        return event;
    }

    /** An EPCISDocument holding these events. */
    static ObjectNode document(JsonNode... events) {
        ObjectNode document = (ObjectNode) json("""
                {'@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld',
                              {'example': 'https://ns.example.com/epcis/'}],
                 'type': 'EPCISDocument', 'schemaVersion': '2.0', 'creationDate': '2026-11-22T10:20:00Z',
                 'epcisBody': {'eventList': []}}""");
        ((ArrayNode) document.at("/epcisBody/eventList")).addAll(List.of(events));
        return document;
    }

    /** Asserts the violations, each written as "pointer :: message", in order. */
    static void assertViolations(JsonNode document, String... expected) {
        List<String> actual = VALIDATOR.validateDocument(document).stream()
                .map(v -> v.pointer() + " :: " + v.message()).toList();
        assertEquals(List.of(expected), actual);
    }

    /** Asserts the violations of a document holding only this event, pointers relative to the event. */
    static void assertEventViolations(JsonNode event, String... expected) {
        List<String> actual = VALIDATOR.validateDocument(document(event)).stream()
                .map(v -> v.pointer().substring(EVENT_0.length()) + " :: " + v.message()).toList();
        assertEquals(List.of(expected), actual);
    }

    /** The event is valid, and these are its warnings ("pointer within the event :: message"). */
    static void assertEventWarnings(JsonNode event, String... expected) {
        assertWarnings(document(event), EVENT_0.length(), expected);
    }

    /** The document is valid, and these are its warnings ("pointer :: message"). */
    static void assertWarnings(JsonNode document, String... expected) {
        assertWarnings(document, 0, expected);
    }

    private static void assertWarnings(JsonNode document, int pointerPrefix, String... expected) {
        ValidationReport report = VALIDATOR.validate(document);
        assertEquals(List.of(), report.violations());
        assertEquals(List.of(expected), report.warnings().stream()
                .map(v -> v.pointer().substring(pointerPrefix) + " :: " + v.message()).toList());
    }
}
