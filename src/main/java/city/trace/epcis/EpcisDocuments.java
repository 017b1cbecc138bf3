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
import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes EPCIS 2.0 JSON-LD documents around stored events, without re-parsing the events. */
public final class EpcisDocuments {

    public static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    public static final String MEDIA_TYPE = "application/ld+json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> PREFIXES = new TypeReference<>() {
    };

    private EpcisDocuments() {
    }

    /**
     * An EPCISQueryDocument with the given events (JSON objects) and, in its {@code @context}, every JSON-LD
     * prefix their documents declared.
     */
    public static String queryDocument(List<String> events, List<String> namespaces) {
        try {
            StringWriter out = new StringWriter();
            try (JsonGenerator json = JSON.createGenerator(out)) {
                start(json, "EPCISQueryDocument", namespaces);
                json.writeObjectFieldStart("epcisBody");
                json.writeObjectFieldStart("queryResults");
                json.writeStringField("queryName", "SimpleEventQuery");
                json.writeObjectFieldStart("resultsBody");
                json.writeArrayFieldStart("eventList");
                for (String event : events) {
                    json.writeRawValue(event);
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
     * then {@link DocumentWriter#close}. The {@code @context} declares every prefix of {@code namespaces}.
     */
    public static DocumentWriter document(OutputStream out, List<String> namespaces) throws IOException {
        JsonGenerator json = JSON.createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        start(json, "EPCISDocument", namespaces);
        json.writeObjectFieldStart("epcisBody");
        json.writeArrayFieldStart("eventList");
        return new DocumentWriter(json);
    }

    /** An EPCISDocument being written. */
    public static final class DocumentWriter implements AutoCloseable {

        private final JsonGenerator json;

        private DocumentWriter(JsonGenerator json) {
            this.json = json;
        }

        /** Adds an event (a JSON object) as it is. */
        public void event(String event) throws IOException {
            json.writeRawValue(event);
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

    private static void start(JsonGenerator json, String type, List<String> namespaces) throws IOException {
        Map<String, String> prefixes = new TreeMap<>();
        for (String declared : namespaces) {
            prefixes.putAll(JSON.readValue(declared, PREFIXES));
        }
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
    }
}
