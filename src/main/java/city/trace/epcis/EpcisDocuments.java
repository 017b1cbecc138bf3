package city.trace.epcis;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes EPCIS 2.0 JSON-LD documents around stored events, re-parsing none unless it must: the document's
 * {@code @context} declares the prefixes the events' own documents declared (the first namespace given to each),
 * and an event whose document gave a prefix another namespace carries those prefixes in its own {@code @context},
 * so that anyone can recompute each event's hash from the exported JSON alone.
 */
public final class EpcisDocuments {

    public static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    public static final String MEDIA_TYPE = "application/ld+json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> PREFIXES = new TypeReference<>() {
    };

    private EpcisDocuments() {
    }

    /**
     * An EPCISQueryDocument with the given events (JSON objects), each with the JSON-LD prefixes its document
     * declared ({@code namespaces}, in the same order).
     */
    public static String queryDocument(List<String> events, List<String> namespaces) {
        return queryDocument(events, namespaces, "SimpleEventQuery", null);
    }

    /**
     * The EPCISQueryDocument of a named query's results, as a subscription's notification carries them.
     *
     * @param subscriptionId the subscription notified, or null for a query's answer
     */
    public static String queryDocument(List<String> events, List<String> namespaces, String queryName,
            String subscriptionId) {
        try {
            StringWriter out = new StringWriter();
            try (JsonGenerator json = JSON.createGenerator(out)) {
                Map<String, String> prefixes = start(json, "EPCISQueryDocument", namespaces);
                json.writeObjectFieldStart("epcisBody");
                json.writeObjectFieldStart("queryResults");
                if (subscriptionId != null) {
                    json.writeStringField("subscriptionID", subscriptionId);
                }
                json.writeStringField("queryName", queryName);
                json.writeObjectFieldStart("resultsBody");
                json.writeArrayFieldStart("eventList");
                for (int i = 0; i < events.size(); i++) {
                    writeEvent(json, events.get(i), namespaces.get(i), prefixes);
                }
                json.writeEndArray();
                json.writeEndObject();
                json.writeEndObject();
                json.writeEndObject();
                json.writeEndObject();
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An EPCISDocument written to {@code out} as its events come, none held: {@link DocumentWriter#event} each,
     * then {@link DocumentWriter#close}. The {@code @context} declares the prefixes of {@code namespaces} (every
     * distinct declaration of the events to come).
     */
    public static DocumentWriter document(OutputStream out, List<String> namespaces) throws IOException {
        JsonGenerator json = JSON.createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        Map<String, String> prefixes = start(json, "EPCISDocument", namespaces);
        json.writeObjectFieldStart("epcisBody");
        json.writeArrayFieldStart("eventList");
        return new DocumentWriter(json, prefixes);
    }

    /** An EPCISDocument being written. */
    public static final class DocumentWriter implements AutoCloseable {

        private final JsonGenerator json;
        private final Map<String, String> prefixes;

        private DocumentWriter(JsonGenerator json, Map<String, String> prefixes) {
            this.json = json;
            this.prefixes = prefixes;
        }

        /** Adds an event (a JSON object) with the prefixes its document declared. */
        public void event(String event, String namespaces) throws IOException {
            writeEvent(json, event, namespaces, prefixes);
        }

        /** Ends the document and flushes it; the stream stays open. */
        @Override
        public void close() throws IOException {
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
            json.close();
        }
    }

    /** Writes the document's head; returns the prefixes its {@code @context} declares. */
    private static Map<String, String> start(JsonGenerator json, String type, List<String> namespaces)
            throws IOException {
        Map<String, String> prefixes = documentPrefixes(namespaces);
        json.writeStartObject();
        json.writeArrayFieldStart("@context");
        json.writeString(CONTEXT);
        if (!prefixes.isEmpty()) {
            json.writeObject(prefixes);
        }
        json.writeEndArray();
        json.writeStringField("type", type);
        json.writeStringField("schemaVersion", "2.0");
        json.writeStringField("creationDate", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        return prefixes;
    }

    /**
     * Writes a stored event as it is when the document's prefixes mean what its own document declared; else with
     * the prefixes that differ in the event's {@code @context}, before any context of the event's own (which the
     * event's hash already let override its document's).
     */
    private static void writeEvent(JsonGenerator json, String event, String namespaces, Map<String, String> prefixes)
            throws IOException {
        Map<String, String> differing = new TreeMap<>();
        readPrefixes(namespaces).forEach((prefix, iri) -> {
            if (!iri.equals(prefixes.get(prefix))) {
                differing.put(prefix, iri);
            }
        });
        if (differing.isEmpty()) {
            json.writeRawValue(event);
            return;
        }
        ObjectNode stored = (ObjectNode) JSON.readTree(event);
        ArrayNode context = JSON.createArrayNode().add(JSON.valueToTree(differing));
        JsonNode own = stored.remove("@context");
        if (own != null && own.isArray()) {
            context.addAll((ArrayNode) own);
        } else if (own != null) {
            context.add(own);
        }
        ObjectNode written = JSON.createObjectNode().set("@context", context);
        written.setAll(stored);
        json.writeTree(written);
    }

    /**
     * The prefixes a document of events declares, given every distinct declaration of its events: the first
     * meaning of each prefix; an event whose own document meant otherwise says so in its own {@code @context}.
     */
    public static Map<String, String> documentPrefixes(List<String> namespaces) throws IOException {
        Map<String, String> prefixes = new TreeMap<>();
        for (String declared : namespaces) {
            readPrefixes(declared).forEach(prefixes::putIfAbsent);
        }
        return prefixes;
    }

    /** The prefixes a stored event's own document declared (its {@code namespaces} column). */
    public static Map<String, String> readPrefixes(String namespaces) throws IOException {
        return namespaces == null || namespaces.isEmpty() ? Map.of() : JSON.readValue(namespaces, PREFIXES);
    }
}
