package city.trace.epcis.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import city.trace.epcis.hash.EventHash;
import city.trace.epcis.hash.EventHasher;
import city.trace.epcis.hash.HashVersion;

/**
 * The reference implementation's XML documents, read in place from {@code ../shared/conformance}: read as XML and
 * hashed, each gives the expected pre-hashes and Event Hash IDs, and those with a JSON-LD twin give the twin's.
 */
class XmlVectorsTest {

    private static final Path DOCUMENTS = Path.of("..", "shared", "conformance", "event-hash", "documents");
    private static final Path EXPECTED = DOCUMENTS.resolveSibling("expected");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventHasher hasher = new EventHasher();
    private final XmlDocumentReader reader = new XmlDocumentReader(64, 65536);

    @TestFactory
    Stream<DynamicTest> everyXmlVectorReproducesItsPreHashesAndHashes() throws IOException {
        assumeTrue(Files.isDirectory(DOCUMENTS), "../shared/conformance is absent: the XML vectors are skipped");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path document : files(".xml")) {
            String name = document.getFileName().toString().replace(".xml", "");
            for (HashVersion version : HashVersion.values()) {
                Path hashes = EXPECTED.resolve(version.label()).resolve(name + ".hashes");
                if (Files.exists(hashes)) {
                    tests.add(dynamicTest(name + " " + version.label(), () -> check(document, hashes, version)));
                }
            }
        }
        assertFalse(tests.isEmpty(), "no XML vector with expected hashes in " + DOCUMENTS);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> xmlAndJsonLdTwinsHashAlike() throws IOException {
        assumeTrue(Files.isDirectory(DOCUMENTS), "../shared/conformance is absent: the XML vectors are skipped");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path xml : files(".xml")) {
            Path twin = xml.resolveSibling(xml.getFileName().toString().replace(".xml", ".jsonld"));
            if (Files.exists(twin)) {
                for (HashVersion version : HashVersion.values()) {
                    tests.add(dynamicTest(twin.getFileName() + " " + version.label(), () -> assertEquals(
                            hashes(hasher.hashDocument(JSON.readTree(twin.toFile()), version)),
                            hashes(hasher.hashDocument(reader.read(Files.readAllBytes(xml)), version)))));
                }
            }
        }
        assertFalse(tests.isEmpty(), "no XML document with a JSON-LD twin in " + DOCUMENTS);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyJsonLdDocumentWrittenAsXmlReadsBackToTheSameHashes() throws IOException {
        assumeTrue(Files.isDirectory(DOCUMENTS), "../shared/conformance is absent: the XML vectors are skipped");
        List<Path> documents = new ArrayList<>(files(".jsonld"));
        try (Stream<Path> examples = Files.walk(DOCUMENTS.resolve("../../epcis-examples"))) {
            examples.filter(f -> f.toString().endsWith(".jsonld")).sorted().forEach(documents::add);
        }
        return documents.stream().map(document -> dynamicTest(document.getFileName().toString(), () -> {
            JsonNode json = JSON.readTree(document.toFile());
            ByteArrayOutputStream xml = new ByteArrayOutputStream();
            XmlDocumentWriter.write(json, xml);
            JsonNode back = reader.read(xml.toByteArray());
            for (HashVersion version : HashVersion.values()) {
                assertEquals(hashes(hasher.hashDocument(json, version)), hashes(hasher.hashDocument(back, version)),
                        version.label() + " of\n" + xml);
            }
        }));
    }

    private void check(Path document, Path hashFile, HashVersion version) throws IOException {
        JsonNode json = reader.read(Files.readAllBytes(document));
        List<EventHash> actual = hasher.hashDocument(json, version);
        Path prehashFile = hashFile.resolveSibling(hashFile.getFileName().toString().replace(".hashes", ".prehashes"));
        if (Files.exists(prehashFile)) {
            assertEquals(lines(prehashFile), actual.stream().map(EventHash::prehash).toList(), "pre-hashes of " + json);
        }
        assertEquals(lines(hashFile), hashes(actual), "hashes");
    }

    private static List<String> hashes(List<EventHash> hashes) {
        return hashes.stream().map(EventHash::hash).toList();
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList();
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(DOCUMENTS)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
