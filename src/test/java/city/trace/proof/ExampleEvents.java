package city.trace.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import city.trace.epcis.hash.EventHash;
import city.trace.epcis.hash.EventHasher;
import city.trace.support.Conformance;

/** GS1's EPCIS 2.0 examples (../shared/conformance/epcis-examples), hashed by EventHasher. */
final class ExampleEvents {

    /** Object, aggregation and transformation events, some with user extensions: 7 leaves, an uneven tree. */
    private static final List<String> ANCHORED = List.of("Example_9.6.1-ObjectEvent.jsonld",
            "Example_9.6.2-ObjectEvent.jsonld", "Example_9.6.3-AggregationEvent.jsonld",
            "Example_9.6.4-TransformationEvent.jsonld", "PersistentDisposition-example.jsonld");
    private static final String PENDING = "Example-Type-sourceOrDestination,measurement,bizTransaction.jsonld";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventHasher HASHER = new EventHasher();

    private ExampleEvents() {
    }

    /** The events to anchor as one batch; skips the test when the shared examples are absent. */
    static List<HashedEvent> anchored() {
        return ANCHORED.stream().flatMap(file -> read(file).stream()).toList();
    }

    /** An event that stays out of every batch. */
    static HashedEvent pending() {
        return read(PENDING).getFirst();
    }

    private static List<HashedEvent> read(String file) {
        Path path = Conformance.folder("epcis-examples").resolve(file);
        try {
            JsonNode document = JSON.readTree(path.toFile());
            Map<String, String> namespaces = EventHasher.declaredPrefixes(document);
            List<EventHash> hashes = HASHER.hashDocument(document, HashedEvent.VERSION);
            List<HashedEvent> events = new ArrayList<>();
            JsonNode eventList = document.path("epcisBody").path("eventList");
            for (int i = 0; i < hashes.size(); i++) {
                events.add(new HashedEvent(eventList.get(i), namespaces, hashes.get(i)));
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
