package city.trace.proof;

import static city.trace.proof.TestBundles.bundle;
import static city.trace.proof.TestBundles.edited;
import static city.trace.proof.TestBundles.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import city.trace.merkle.MerkleTree;
import city.trace.proof.CheckResult.Check;
import city.trace.signedreadings.DeviceKey;
import city.trace.signedreadings.ReadingBatch;

/**
 * Checks e and f against a real anvil node: readings a device signed, its registration anchored with them, and
 * the edits someone holding the bundle (or the database) could make.
 */
class DeviceSignatureChecksTest {

    /** A verified bundle with a signed event, that the browser tests (src/test/js) re-check. */
    static final Path BROWSER_FIXTURE = Path.of("target", "js-fixtures", "signed-bundle.json");

    private static RegistryOnAnvil chain;
    private static SignedDevice device;
    private static ReadingBatch batch;
    /** The readings' entry without its device block, anchored with the registration. */
    private static BundleEvent readings;
    private static BundleEvent registration;
    private static ProofBundle signed;

    @BeforeAll
    static void anchorARegistrationAndItsReadings() {
        chain = new RegistryOnAnvil();
        device = SignedDevice.generate("ES256");
        batch = device.batch(1);
        List<BundleEvent> entries = anchored(List.of(device.registration(), device.readings(batch)));
        registration = entries.getFirst();
        readings = entries.getLast();
        signed = bundle(List.of(device.signed(readings, device.sign(batch), registration)));
    }

    @AfterAll
    static void stopChain() {
        if (chain != null) {
            chain.close();
        }
    }

    @Test
    void aSignedEventIsVerified() {
        EventReport report = verify(signed);
        assertEquals(Outcome.VERIFIED, report.outcome(), report.toString());
        assertEquals(List.of(Check.values()), report.checks().stream().map(CheckResult::check).toList());
        assertEquals("3 readings signed by device urn:epc:id:giai:8712347.TRUCK7-T1 (ES256, key "
                + thumbprint(device) + ", batch 1)", result(report, Check.SIGNATURE).detail());
        assertTrue(result(report, Check.KEY).detail().matches("key " + thumbprint(device) + " is the one registration "
                + "event ni:///sha-256;\\p{XDigit}{64}\\?ver=CBV2\\.0 anchored for device urn:epc:id:giai:8712347\\."
                + "TRUCK7-T1 in block \\d+"), result(report, Check.KEY).detail());
        assertNotNull(report.anchor());

        TestBundles.write(signed, BROWSER_FIXTURE);
    }

    @Test
    void anEd25519SignedEventIsVerified() {
        SignedDevice ed25519 = SignedDevice.generate("EdDSA");
        List<BundleEvent> entries = anchored(List.of(ed25519.registration(), ed25519.readings(batch)));
        EventReport report = verify(bundle(List.of(ed25519.signed(entries.getLast(), ed25519.sign(batch),
                entries.getFirst()))));
        assertEquals(Outcome.VERIFIED, report.outcome(), report.toString());
        assertTrue(result(report, Check.SIGNATURE).detail().contains("(EdDSA, key "), report.toString());
    }

    @Test
    void anEventWithoutADeviceBlockGetsNoDeviceChecks() {
        EventReport report = verify(bundle(List.of(readings)));
        assertEquals(Outcome.VERIFIED, report.outcome());
        assertEquals(List.copyOf(EnumSet.range(Check.PREHASH, Check.MEMBER)),
                report.checks().stream().map(CheckResult::check).toList());
    }

    @Test
    void aChangedReadingIsTampered() {
        ProofBundle bundle = edited(signed, json -> report(json, 1).put("value", 9.9));
        EventReport report = verify(bundle);
        assertEquals(Outcome.TAMPERED, report.outcome());
        assertEquals("the event's readings differ from what device urn:epc:id:giai:8712347.TRUCK7-T1 signed: "
                + "reading 2 has value 9.9 where the device signed 5.1", failed(report, Check.SIGNATURE).detail());
        assertNull(report.anchor());
    }

    @Test
    void aReadingChangedBelowTheHashsPrecisionIsTamperedOnTheSignatureAlone() {
        // the Event Hash ID keeps milliseconds: 10:05:00.2504 hashes as 10:05:00.250
        ProofBundle bundle = edited(signed, json -> report(json, 1).put("time", "2026-11-21T10:05:00.2504Z"));
        EventReport report = verify(bundle);
        assertEquals(Outcome.TAMPERED, report.outcome());
        assertEquals(Check.SIGNATURE, report.failure().orElseThrow().check(), report.toString());
        assertTrue(failed(report, Check.SIGNATURE).detail().endsWith("reading 2 has time \"2026-11-21T10:05:00.2504Z\""
                + " where the device signed 2026-11-21T10:05:00.250Z"), report.toString());
    }

    @Test
    void fewerReadingsOrAnotherDeviceAreTampered() {
        ProofBundle fewer = edited(signed, json -> sensorElement(json).withArrayProperty("sensorReport").remove(2));
        assertTrue(failed(verify(fewer), Check.SIGNATURE).detail().endsWith("the event has 2 readings, the device signed 3"));
        ProofBundle otherDevice = edited(signed, json -> sensorElement(json).withObjectProperty("sensorMetadata")
                .put("deviceID", "urn:epc:id:giai:8712347.TRUCK8-T1"));
        assertEquals("the event names device urn:epc:id:giai:8712347.TRUCK8-T1, but urn:epc:id:giai:8712347.TRUCK7-T1"
                + " signed the readings", failed(verify(otherDevice), Check.SIGNATURE).detail());
    }

    @Test
    void aJwsSignedByAnotherKeyIsTampered() {
        String forged = SignedDevice.generate("ES256").sign(batch);
        EventReport report = verify(edited(signed, json -> event(json, 0).withObjectProperty("device").put("jws", forged)));
        assertEquals(Outcome.TAMPERED, report.outcome());
        assertTrue(failed(report, Check.SIGNATURE).detail().startsWith("the signature does not verify"), report.toString());
        assertTrue(result(report, Check.KEY).isPassed(), report.toString());
    }

    @Test
    void anUnreadableJwsOrKeyIsTampered() {
        EventReport noJws = verify(edited(signed, json -> event(json, 0).withObjectProperty("device").put("jws", "a.b")));
        assertTrue(failed(noJws, Check.SIGNATURE).detail().startsWith("the signed readings cannot be read: "), noJws.toString());

        EventReport noKey = verify(edited(signed, json -> event(json, 0).withObjectProperty("device")
                .put("publicKey", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")));
        assertEquals(Outcome.TAMPERED, failed(noKey, Check.SIGNATURE).outcome());
        assertTrue(failed(noKey, Check.KEY).detail().startsWith("the bundle's public key cannot be read: "), noKey.toString());
    }

    @Test
    void aKeyOtherThanTheRegisteredOneIsTampered() {
        // another key pair claiming the device: its own signature holds, its registration does not
        SignedDevice impostor = SignedDevice.generate("ES256");
        EventReport report = verify(bundle(List.of(impostor.signed(readings, impostor.sign(batch), registration))));
        assertEquals(Outcome.TAMPERED, report.outcome());
        assertTrue(result(report, Check.SIGNATURE).isPassed(), report.toString());
        assertEquals("the key in the bundle is not the one the device's registration event anchored: its thumbprint is "
                + thumbprint(impostor) + ", registration event " + registration.eventID() + " has " + thumbprint(device),
                failed(report, Check.KEY).detail());
    }

    @Test
    void aRegistrationOfAnotherDeviceIsTampered() {
        SignedDevice other = new SignedDevice("urn:epc:id:giai:8712347.TRUCK8-T1", device.keys());
        BundleEvent otherRegistration = other.registration().inBundle(AnchoringStatus.PENDING, null);
        EventReport report = verify(bundle(List.of(device.signed(readings, device.sign(batch), otherRegistration))));
        assertEquals(Outcome.TAMPERED, report.outcome());
        assertTrue(failed(report, Check.KEY).detail().endsWith("is not about device urn:epc:id:giai:8712347.TRUCK7-T1"
                + " (its epcList does not name it)"), report.toString());
    }

    @Test
    void anEditedRegistrationIsTampered() {
        EventReport report = verify(edited(signed, json -> ((ObjectNode) event(json, 0).withObjectProperty("device")
                .withObjectProperty("registration").get("event")).put("disposition", "inactive")));
        assertEquals(Outcome.TAMPERED, report.outcome());
        assertTrue(failed(report, Check.KEY).detail().contains("'s registration event " + registration.eventID()
                + " is TAMPERED: pre-hash: "), report.toString());
        assertTrue(result(report, Check.PREHASH).isPassed());
    }

    @Test
    void aRegistrationNotAnchoredYetLeavesTheReadingsPending() {
        BundleEvent pending = device.registration().inBundle(AnchoringStatus.PENDING, null);
        List<BundleEvent> alone = anchored(List.of(device.readings(batch)));
        EventReport report = verify(bundle(List.of(device.signed(alone.getFirst(), device.sign(batch), pending))));
        assertEquals(Outcome.PENDING, report.outcome(), report.toString());
        assertTrue(result(report, Check.SIGNATURE).isPassed());
        CheckResult key = result(report, Check.KEY);
        assertEquals(Outcome.PENDING, key.outcome());
        assertTrue(key.detail().endsWith("is PENDING: anchor: not in an anchored round yet (PENDING)"), key.detail());
        assertNull(report.anchor());
    }

    @ParameterizedTest(name = "ILMD member {0}")
    @ValueSource(strings = { "d:", SignedDevice.NAMESPACE })
    void theThumbprintIsReadUnderAnyPrefixOfTheDeviceNamespaceOrAsItsIri(String ilmdPrefix) {
        BundleEvent otherPrefix = device.registration(Map.of("d", SignedDevice.NAMESPACE), ilmdPrefix)
                .inBundle(AnchoringStatus.PENDING, null);
        // PENDING, not TAMPERED: the key matches, the registration is just not anchored
        assertEquals(Outcome.PENDING, result(verify(bundle(List.of(device.signed(readings, device.sign(batch),
                otherPrefix)))), Check.KEY).outcome());
    }

    @Test
    void aThumbprintInAnotherNamespaceIsNotTheDevicesKey() {
        BundleEvent otherNamespace = device.registration(Map.of("dev", "https://example.org/ns#"), "dev:")
                .inBundle(AnchoringStatus.PENDING, null);
        EventReport report = verify(bundle(List.of(device.signed(readings, device.sign(batch), otherNamespace))));
        assertTrue(failed(report, Check.KEY).detail().endsWith(" has no dev:keyThumbprint"), report.toString());
    }

    /** The events as one anchored round, in order. */
    private static List<BundleEvent> anchored(List<HashedEvent> events) {
        MerkleTree tree = TestBundles.tree(events);
        return TestBundles.batch(events, tree, AnchoringStatus.FINAL, chain.anchor(tree));
    }

    private static EventReport verify(ProofBundle bundle) {
        try (NodeChain node = NodeChain.at(chain.rpcUrl())) {
            return new BundleVerifier(node).verify(bundle).events().getFirst();
        }
    }

    private static String thumbprint(SignedDevice device) {
        return DeviceKey.parse(device.publicKeyPem()).thumbprint();
    }

    private static ObjectNode sensorElement(ObjectNode bundle) {
        return (ObjectNode) event(bundle, 0).get("event").get("sensorElementList").get(0);
    }

    private static ObjectNode report(ObjectNode bundle, int index) {
        return (ObjectNode) sensorElement(bundle).get("sensorReport").get(index);
    }

    private static CheckResult failed(EventReport event, Check check) {
        CheckResult result = result(event, check);
        assertEquals(Outcome.TAMPERED, result.outcome(), event.toString());
        return result;
    }

    private static CheckResult result(EventReport event, Check check) {
        return event.checks().stream().filter(result -> result.check() == check).findFirst()
                .orElseThrow(() -> new AssertionError(check + " was not checked: " + event));
    }
}
