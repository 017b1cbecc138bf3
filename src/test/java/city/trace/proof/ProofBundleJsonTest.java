package city.trace.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The records write exactly the bundle format, and read back what they wrote. */
class ProofBundleJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesTheFormatAndReadsItBack() throws Exception {
        List<HashedEvent> events = ExampleEvents.anchored().subList(0, 3);
        List<BundleEvent> entries = new ArrayList<>(TestBundles.batch(events, TestBundles.tree(events),
                AnchoringStatus.FINAL, TestBundles.OFF_CHAIN));
        entries.add(ExampleEvents.pending().inBundle(AnchoringStatus.PENDING, null));
        ProofBundle bundle = TestBundles.bundle(entries);

        String written = ProofBundleJson.write(bundle);
        JsonNode json = JSON.readTree(written);
        assertEquals(List.of("format", "subject", "generatedAt", "events"), fieldNames(json));
        assertEquals("citytrace-proof-bundle/1", json.get("format").asText());
        assertEquals("2026-11-22T23:50:00Z", json.get("generatedAt").asText());
        JsonNode anchored = json.get("events").get(0);
        assertEquals(List.of("eventID", "event", "namespaces", "hashVersion", "prehash", "hash", "status", "proof"),
                fieldNames(anchored));
        assertEquals(List.of("leafIndex", "treeSize", "auditPath", "root", "chainId", "contract", "txHash",
                "blockNumber", "blockTime"), fieldNames(anchored.get("proof")));
        assertEquals("2026-11-22T23:16:36Z", anchored.get("proof").get("blockTime").asText());
        assertFalse(json.get("events").get(3).has("proof"), "a pending event has no proof");

        assertEquals(bundle, ProofBundleJson.read(written));
        String compact = ProofBundleJson.writeCompact(bundle);
        assertFalse(compact.contains("\n"), "the compact form is one line");
        assertEquals(json, JSON.readTree(compact));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
