package city.trace.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import city.trace.signedreadings.ReadingBatch;

/** The records write exactly the bundle format, read back what they wrote, and refuse what is no bundle. */
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

    @Test
    void writesADeviceBlockAndReadsItBack() throws Exception {
        SignedDevice device = SignedDevice.generate("ES256");
        ReadingBatch batch = device.batch(1);
        List<HashedEvent> events = List.of(device.registration(), device.readings(batch));
        List<BundleEvent> entries = TestBundles.batch(events, TestBundles.tree(events), AnchoringStatus.FINAL,
                TestBundles.OFF_CHAIN);
        String jws = device.sign(batch);
        ProofBundle bundle = TestBundles.bundle(List.of(device.signed(entries.getLast(), jws, entries.getFirst())));

        String written = ProofBundleJson.write(bundle);
        JsonNode signed = JSON.readTree(written).get("events").get(0);
        assertEquals(List.of("eventID", "event", "namespaces", "hashVersion", "prehash", "hash", "status", "proof",
                "device"), fieldNames(signed));
        assertEquals(List.of("jws", "publicKey", "registration"), fieldNames(signed.get("device")));
        assertEquals(jws, signed.get("device").get("jws").asText());
        assertEquals(device.publicKeyPem(), signed.get("device").get("publicKey").asText());
        assertEquals(List.of("eventID", "event", "namespaces", "hashVersion", "prehash", "hash", "status", "proof"),
                fieldNames(signed.get("device").get("registration")));
        // the event as built holds 4.20, which a JSON reader holds as the double 4.2: compare bundles as read
        ProofBundle read = ProofBundleJson.read(written);
        assertEquals(bundle.events().getFirst().device().jws(), read.events().getFirst().device().jws());
        assertEquals(read, ProofBundleJson.read(ProofBundleJson.write(read)));
    }

    @Test
    void aDeviceBlockMissingAMemberOrSignedItselfIsMalformed() {
        SignedDevice device = SignedDevice.generate("EdDSA");
        BundleEvent registration = device.registration().inBundle(AnchoringStatus.PENDING, null);
        BundleEvent signed = device.signed(device.readings(device.batch(1)).inBundle(AnchoringStatus.PENDING, null),
                device.sign(device.batch(1)), registration);
        ProofBundle bundle = TestBundles.bundle(List.of(signed));
        assertMalformed(bundle, json -> device(json).remove("publicKey"), "events[0].device: publicKey: missing");
        assertMalformed(bundle, json -> device(json).remove("jws"), "events[0].device: jws: missing");
        assertMalformed(bundle, json -> device(json).withObjectProperty("registration").remove("hash"),
                "events[0].device.registration: hash: missing");
        assertMalformed(bundle, json -> device(json).withObjectProperty("registration").set("device",
                device(json).deepCopy()), "events[0].device: registration.device: a registration event is not itself"
                        + " signed by a device");
    }

    private static void assertMalformed(ProofBundle bundle, Consumer<ObjectNode> edit, String message) {
        String json = TestBundles.editedJson(bundle, edit);
        MalformedBundleException problem = assertThrows(MalformedBundleException.class, () -> ProofBundleJson.read(json));
        assertTrue(problem.getMessage().startsWith(message), problem.getMessage());
    }

    private static ObjectNode device(ObjectNode bundle) {
        return TestBundles.event(bundle, 0).withObjectProperty("device");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
