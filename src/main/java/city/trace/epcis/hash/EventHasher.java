package city.trace.epcis.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Computes CBV Event Hash IDs of EPCIS 2.0 events in the JSON-LD binding (CBV 2.0 section "Event Hash ID",
 * following the reference implementation RalphTro/epcis-event-hash-generator). Stateless and thread-safe.
 */
public final class EventHasher {

    private static final HexFormat HEX = HexFormat.of();

    /**
     * The hash of one event.
     *
     * @param event      the event as JSON object
     * @param namespaces the prefixes the document's {@code @context} declares (see {@link #declaredPrefixes})
     * @throws InvalidEventException when the event cannot be hashed
     */
    public EventHash hash(JsonNode event, Map<String, String> namespaces, HashVersion version) {
        if (event == null || !event.isObject()) {
            throw new InvalidEventException("an event must be a JSON object");
        }
        JsonNode type = event.get("type");
        if (type == null || !CanonicalPropertyOrder.EVENT_TYPES.contains(type.asText())) {
            throw new InvalidEventException("unknown event type " + (type == null ? "(none)" : "'" + type.asText() + "'")
                    + ": expected one of " + CanonicalPropertyOrder.EVENT_TYPES.stream().sorted().toList());
        }
        Map<String, String> prefixes = namespaces == null ? Map.of() : namespaces;
        if (event.has("@context")) {
            // an event may declare prefixes of its own
            prefixes = new HashMap<>(prefixes);
            prefixes.putAll(Namespaces.declaredIn(event.get("@context")));
        }
        String prehash = new PreHashWriter(version, new Namespaces(prefixes)).prehash(type.asText(), event);
        return new EventHash("ni:///sha-256;" + HEX.formatHex(sha256(prehash)) + "?ver=" + version.label(), prehash);
    }

    /**
     * The hashes of all events of an EPCISDocument ({@code epcisBody.eventList}) or EPCISQueryDocument
     * ({@code epcisBody.queryResults.resultsBody.eventList}), in document order.
     *
     * @throws InvalidEventException when the document or one of its events cannot be hashed
     */
    public List<EventHash> hashDocument(JsonNode document, HashVersion version) {
        if (document == null || !document.isObject()) {
            throw new InvalidEventException("an EPCIS document must be a JSON object");
        }
        JsonNode events = eventList(document.path("epcisBody"));
        Map<String, String> prefixes = declaredPrefixes(document);
        List<EventHash> hashes = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            try {
                hashes.add(hash(events.get(i), prefixes, version));
            } catch (InvalidEventException e) {
                throw new InvalidEventException("event " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return hashes;
    }

    /** The JSON-LD prefixes (prefix to namespace IRI) the {@code @context} of a document declares. */
    public static Map<String, String> declaredPrefixes(JsonNode document) {
        return Namespaces.declaredIn(document.get("@context"));
    }

    private static JsonNode eventList(JsonNode body) {
        JsonNode events = body.path("eventList");
        if (events.isMissingNode()) {
            events = body.path("queryResults").path("resultsBody").path("eventList");
        }
        if (!events.isArray()) {
            throw new InvalidEventException("no event list: expected an array at epcisBody.eventList "
                    + "or epcisBody.queryResults.resultsBody.eventList");
        }
        return events;
    }

    private static byte[] sha256(String prehash) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(prehash.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
