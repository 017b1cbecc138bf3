package city.trace.epcis.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

import city.trace.epcis.hash.EventHasher;
import city.trace.epcis.hash.HashVersion;

/**
 * GS1's EPCIS 2.0 examples and the event hash reference documents, read in place from
 * {@code ../shared/conformance}: every document is valid (a few with warnings, listed here), and every event
 * can be hashed.
 */
class ConformanceCorpusTest {

    private static final Path CONFORMANCE = Path.of("..", "shared", "conformance");
    private static final String SENSOR_REPORT = "/epcisBody/eventList/0/sensorElementList/%d/sensorReport/0/";

    /** Documents that do what the standard allows but looks like a mistake, with the warnings they get. */
    private static final Map<String, List<String>> WARNED = Map.of(
            "epcis-examples/WithSensorData/SensorDataExample8.jsonld", List.of(
                    SENSOR_REPORT.formatted(2) + "bizRules :: 'bizRules' is not a field of sensorReport in EPCIS 2.0; "
                            + "extension fields usually have a namespace prefix, e.g. example:bizRules",
                    SENSOR_REPORT.formatted(2) + "uom :: uom without a value, minValue, maxValue, meanValue or "
                            + "percValue"),
            "event-hash/documents/ReferenceEventHashAlgorithm2.jsonld", List.of(
                    SENSOR_REPORT.formatted(0) + "sDev :: sDev without a meanValue"));

    private final EpcisValidator validator = new EpcisValidator();
    private final EventHasher hasher = new EventHasher();

    @TestFactory
    Stream<DynamicTest> everyDocumentIsValid() throws IOException {
        List<Path> documents = documents();
        assertFalse(documents.isEmpty(), "no JSON-LD document found in " + CONFORMANCE);
        return documents.stream().map(document -> dynamicTest(name(document), () -> {
            ValidationReport report = validator.validate(Documents.JSON.readTree(document.toFile()));
            assertEquals(List.of(), report.violations());
            assertEquals(WARNED.getOrDefault(name(document), List.of()),
                    report.warnings().stream().map(v -> v.pointer() + " :: " + v.message()).toList());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyAcceptedEventCanBeHashed() throws IOException {
        return documents().stream().map(document -> dynamicTest(name(document), () -> {
            JsonNode json = Documents.JSON.readTree(document.toFile());
            ValidationReport report = validator.validate(json);
            JsonNode body = json.path("epcisBody");
            JsonNode events = body.has("eventList") ? body.path("eventList")
                    : body.path("queryResults").path("resultsBody").path("eventList");
            for (int i = 0; i < report.eventCount(); i++) {
                for (HashVersion version : HashVersion.values()) {
                    if (report.isEventValid(i)) {
                        hasher.hash(events.get(i), EventHasher.declaredPrefixes(json), version);
                    }
                }
            }
        }));
    }

    private static List<Path> documents() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CONFORMANCE), "conformance data not found at "
                + CONFORMANCE.toAbsolutePath().normalize() + " (shared/ beside the project): skipped");
        try (Stream<Path> files = Files.walk(CONFORMANCE)) {
            return files.filter(f -> f.toString().endsWith(".jsonld")).sorted().toList();
        }
    }

    private static String name(Path document) {
        return CONFORMANCE.relativize(document).toString().replace('\\', '/');
    }
}
