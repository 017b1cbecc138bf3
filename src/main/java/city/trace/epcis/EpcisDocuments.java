package city.trace.epcis;

import java.io.IOException;
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
        Map<String, String> prefixes = new TreeMap<>();
        try {
            for (String declared : namespaces) {
                prefixes.putAll(JSON.readValue(declared, PREFIXES));
            }
            StringWriter out = new StringWriter();
            try (JsonGenerator json = JSON.createGenerator(out)) {
                json.writeStartObject();
                json.writeArrayFieldStart("@context");
                json.writeString(CONTEXT);
                if (!prefixes.isEmpty()) {
                    json.writeObject(prefixes);
                }
                json.writeEndArray();
                json.writeStringField("type", "EPCISQueryDocument");
                json.writeStringField("schemaVersion", "2.0");
                json.writeStringField("creationDate", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
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
}
