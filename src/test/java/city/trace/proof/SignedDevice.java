package city.trace.proof;

import java.math.BigDecimal;
import java.security.KeyPair;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import city.trace.epcis.EpcisEventBuilder;
import city.trace.epcis.hash.EventHasher;
import city.trace.signedreadings.DeviceKey;
import city.trace.signedreadings.ReadingBatch;
import city.trace.signedreadings.ReadingBatch.Reading;
import city.trace.signedreadings.ReadingSigner;

/**
 * A device with its own key pair, and its events as the app records them (city.trace.device.DeviceEvents): its
 * registration with the key's thumbprint in the ILMD, and a sensor-reporting event per signed batch; hashed.
 */
record SignedDevice(String identifier, KeyPair keys) {

    static final String NAMESPACE = "https://citytrace.city/ns/device#";
    static final Map<String, String> NAMESPACES = Map.of("dev", NAMESPACE);
    static final String LOT = "https://id.gs1.org/01/08712347000026/10/B20261120";
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final EventHasher HASHER = new EventHasher();

    static SignedDevice generate(String algorithm) {
        return new SignedDevice("urn:epc:id:giai:8712347.TRUCK7-T1", ReadingSigner.generate(algorithm));
    }

    String publicKeyPem() {
        return ReadingSigner.publicKeyPem(keys.getPublic());
    }

    /** The registration (commissioning) with its ILMD under the usual dev prefix. */
    HashedEvent registration() {
        return registration(NAMESPACES, "dev:");
    }

    /** The registration with its ILMD members named {@code ilmdPrefix} + term, in a document declaring {@code namespaces}. */
    HashedEvent registration(Map<String, String> namespaces, String ilmdPrefix) {
        DeviceKey key = DeviceKey.parse(publicKeyPem());
        ObjectNode event = EpcisEventBuilder.objectEvent("ADD", Instant.parse("2026-11-20T08:00:00Z"), ZONE)
                .bizStep("commissioning").disposition("active").ilmd(ilmdPrefix + "kind", "thermometer")
                .ilmd(ilmdPrefix + "keyAlgorithm", key.algorithm()).ilmd(ilmdPrefix + "keyThumbprint", key.thumbprint())
                .ilmd(ilmdPrefix + "publicKey", Base64.getEncoder().encodeToString(key.der())).build();
        event.putArray("epcList").add(identifier);
        return new HashedEvent(event, namespaces, HASHER.hash(event, namespaces, HashedEvent.VERSION));
    }

    /** Three readings, the last with a URI type, at times of several precisions. */
    ReadingBatch batch(long counter) {
        return new ReadingBatch(identifier, counter, List.of(
                new Reading(Instant.parse("2026-11-21T10:00:00Z"), "Temperature", new BigDecimal("4.20"), "CEL"),
                new Reading(Instant.parse("2026-11-21T10:05:00.25Z"), "Temperature", new BigDecimal("5.1"), "CEL"),
                new Reading(Instant.parse("2026-11-21T10:06:00Z"), "https://example.org/vocab/DoorOpen", BigDecimal.ONE,
                        "C62")));
    }

    String sign(ReadingBatch batch) {
        return ReadingSigner.sign(batch, keys.getPrivate(), null);
    }

    /** The sensor-reporting event the server makes of a batch. */
    HashedEvent readings(ReadingBatch batch) {
        Instant last = batch.readings().stream().map(Reading::time).max(Instant::compareTo).orElseThrow();
        ObjectNode event = EpcisEventBuilder.objectEvent("OBSERVE", last, ZONE).bizStep("sensor_reporting")
                .epcClass("quantityList", LOT).build();
        ObjectNode element = event.putArray("sensorElementList").addObject();
        element.putObject("sensorMetadata").put("deviceID", identifier)
                .put("deviceMetadata", "https://citytrace.example/devices/1")
                .put("rawData", "https://citytrace.example/devices/1/readings/" + batch.counter());
        ArrayNode reports = element.putArray("sensorReport");
        for (Reading reading : batch.readings()) {
            reports.addObject().put("type", reading.type().contains(":") ? reading.type() : "gs1:" + reading.type())
                    .put("value", reading.value()).put("uom", reading.unit()).put("time", reading.time().toString());
        }
        return new HashedEvent(event, NAMESPACES, HASHER.hash(event, NAMESPACES, HashedEvent.VERSION));
    }

    /** The readings' bundle entry with its device block: the JWS, this device's key and its registration entry. */
    BundleEvent signed(BundleEvent readings, String jws, BundleEvent registration) {
        return withDevice(readings, new BundleDevice(jws, publicKeyPem(), registration));
    }

    static BundleEvent withDevice(BundleEvent entry, BundleDevice device) {
        return new BundleEvent(entry.eventID(), entry.event(), entry.namespaces(), entry.hashVersion(), entry.prehash(),
                entry.hash(), entry.status(), entry.proof(), device);
    }
}
