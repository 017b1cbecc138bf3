package city.trace.support;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import city.trace.batch.Batch;
import city.trace.epcis.EpcisEvent;
import city.trace.epcis.EventClaims;
import city.trace.epcis.EventFacts;
import city.trace.epcis.EventStore;
import city.trace.epcis.PreparedEvent;
import city.trace.epcis.hash.CanonicalValues;
import city.trace.epcis.hash.EventHasher;
import city.trace.epcis.hash.HashVersion;
import city.trace.org.Organization;
import io.quarkus.arc.Arc;
import io.restassured.response.Response;

/** EPCIS events for the recording-rule tests: captured through the API, or stored as before the rules existed. */
public final class Events {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String TIME = "2026-11-21T09:00:00.000+01:00";

    private Events() {
    }

    /** Captures a document of the given events as the test's user; {@code behaviour} null means rollback. */
    public static Response capture(String behaviour, String... events) {
        var request = given().contentType("application/ld+json").body(EpcisDocs.document(events));
        if (behaviour != null) {
            request.header("GS1-Capture-Error-Behaviour", behaviour);
        }
        return request.post("/epcis/capture");
    }

    public static String lot(Batch batch) {
        return Demo.read(() -> Batch.<Batch>findById(batch.id).lotLink());
    }

    public static String location(String gln) {
        return "https://id.gs1.org/414/" + gln;
    }

    /** A quantity element of a lot. */
    public static String quantity(String lotLink, String quantity, String uom) {
        return "{\"epcClass\": \"%s\", \"quantity\": %s, \"uom\": \"%s\"}".formatted(lotLink, quantity, uom);
    }

    /** An ObjectEvent of lots (quantity elements) with a business step and disposition at a location. */
    public static String objectEvent(String action, String bizStep, String disposition, String gln, String... quantities) {
        return """
                {"type": "ObjectEvent", "action": "%s", "bizStep": "%s", "disposition": "%s",
                 "eventTime": "%s", "eventTimeZoneOffset": "+01:00",
                 "readPoint": {"id": "%s"}, "bizLocation": {"id": "%s"},
                 "quantityList": [%s]}""".formatted(action, bizStep, disposition, TIME, location(gln), location(gln),
                String.join(", ", quantities));
    }

    /** A TransformationEvent from input lots to output lots (quantity elements) at a location. */
    public static String transformation(String gln, List<String> inputs, List<String> outputs) {
        return """
                {"type": "TransformationEvent", "bizStep": "commissioning", "disposition": "active",
                 "eventTime": "%s", "eventTimeZoneOffset": "+01:00",
                 "readPoint": {"id": "%s"}, "bizLocation": {"id": "%s"},
                 "inputQuantityList": [%s], "outputQuantityList": [%s]}""".formatted(TIME, location(gln), location(gln),
                String.join(", ", inputs), String.join(", ", outputs));
    }

    /**
     * Stores an event for {@code organizationCode} straight through the event store, bypassing the recording
     * rules — as events stored before the rules existed were. It is anchored like any event.
     *
     * @return its database id
     */
    public static long storeBehindTheRules(String organizationCode, String event) {
        return Demo.read(() -> {
            try {
                JsonNode json = JSON.readTree(event);
                CanonicalValues values = new CanonicalValues(Map.of());
                EventClaims claims = EventClaims.of(json, values);
                var hash = new EventHasher().hash(json, Map.of(), HashVersion.CBV2_0);
                PreparedEvent prepared = new PreparedEvent(hash.hash(), EventFacts.of(json, values, claims), claims, hash,
                        HashVersion.CBV2_0, Map.of(), json);
                long org = Organization.findByCode(organizationCode).orElseThrow().id;
                Arc.container().instance(EventStore.class).get().store(List.of(prepared), org, null, Instant.now());
                return EpcisEvent.findByEventId(hash.hash()).orElseThrow().id;
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
