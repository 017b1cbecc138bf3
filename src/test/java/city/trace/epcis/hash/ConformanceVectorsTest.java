package city.trace.epcis.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The event hash conformance vectors of the reference implementation, and GS1's EPCIS examples, read in place
 * from {@code ../shared/conformance}: the JSON-LD documents (the XML ones are read by the XML binding's
 * {@code XmlVectorsTest}).
 */
class ConformanceVectorsTest {

    private static final Path CONFORMANCE = Path.of("..", "shared", "conformance");
    private static final Path DOCUMENTS = CONFORMANCE.resolve("event-hash/documents");
    private static final Path EXPECTED = CONFORMANCE.resolve("event-hash/expected");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventHasher hasher = new EventHasher();

    @TestFactory
    Stream<DynamicTest> everyJsonLdVectorReproducesItsPreHashesAndHashes() throws IOException {
        assumeConformanceData(DOCUMENTS);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path document : jsonLdFiles(DOCUMENTS)) {
            String name = document.getFileName().toString().replace(".jsonld", "");
            for (HashVersion version : HashVersion.values()) {
                Path hashes = EXPECTED.resolve(version.label()).resolve(name + ".hashes");
                if (Files.exists(hashes)) {
                    tests.add(dynamicTest(name + " " + version.label(), () -> check(document, hashes, version)));
                }
            }
        }
        assertFalse(tests.isEmpty(), "no JSON-LD vector with expected hashes found in " + DOCUMENTS);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyEventOfGs1sExamplesHashes() throws IOException {
        Path examples = CONFORMANCE.resolve("epcis-examples");
        assumeConformanceData(examples);
        return jsonLdFiles(examples).stream().map(document -> dynamicTest(examples.relativize(document).toString(),
                () -> {
                    JsonNode json = JSON.readTree(document.toFile());
                    for (HashVersion version : HashVersion.values()) {
                        assertFalse(hasher.hashDocument(json, version).isEmpty());
                    }
                }));
    }

    private void check(Path document, Path hashFile, HashVersion version) throws IOException {
        List<EventHash> actual = hasher.hashDocument(JSON.readTree(document.toFile()), version);
        Path prehashFile = hashFile.resolveSibling(hashFile.getFileName().toString().replace(".hashes", ".prehashes"));
        if (Files.exists(prehashFile)) {
            assertEquals(lines(prehashFile), actual.stream().map(EventHash::prehash).toList(), "pre-hashes");
        }
        assertEquals(lines(hashFile), actual.stream().map(EventHash::hash).toList(), "hashes");
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList();
    }

    private static List<Path> jsonLdFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".jsonld")).sorted().toList();
        }
    }

    private static void assumeConformanceData(Path folder) {
        Assumptions.assumeTrue(Files.isDirectory(folder),
                "conformance data not found at " + folder.toAbsolutePath().normalize()
                        + " (it sits beside the project in CI); skipping the conformance vectors");
    }
}
