package city.trace.proof;

import static city.trace.proof.CheckResult.Check.KEY;
import static city.trace.proof.CheckResult.Check.SIGNATURE;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import city.trace.epcis.hash.Namespaces;
import city.trace.proof.CheckResult.Check;
import city.trace.signedreadings.BadSignatureException;
import city.trace.signedreadings.DeviceKey;
import city.trace.signedreadings.DeviceKeyException;
import city.trace.signedreadings.InvalidReadingsException;
import city.trace.signedreadings.ReadingBatch;
import city.trace.signedreadings.SignedReadings;

/**
 * Checks e and f of an event a device signed (one with a {@link BundleDevice}): without them, whoever stores
 * the events could write any readings and hash them honestly. e ties the event's readings to the device's
 * signature, f ties the signing key to the device's own anchored registration; what passes both was measured
 * by the registered device, whatever CityTrace says.
 */
final class DeviceChecks {

    /** Where CityTrace's device events put their own terms (city.trace.device.DeviceEvents). */
    private static final String DEVICE_NAMESPACE = "https://citytrace.city/ns/device#";
    private static final String THUMBPRINT = "keyThumbprint";

    private DeviceChecks() {
    }

    /**
     * e. The JWS verifies with the bundle's key, and the event says exactly what it signed: the same device, and
     * the same readings in the same order (as the server writes them, city.trace.device.DeviceEvents#readings).
     */
    static CheckResult signature(BundleEvent event) {
        BundleDevice device = event.device();
        DeviceKey key;
        ReadingBatch batch;
        try {
            key = DeviceKey.parse(device.publicKey());
        } catch (DeviceKeyException e) {
            return tampered(SIGNATURE, "the bundle's public key cannot be read: " + e.getMessage());
        }
        try {
            batch = SignedReadings.parse(device.jws()).verify(key);
        } catch (BadSignatureException e) {
            return tampered(SIGNATURE, e.getMessage());
        } catch (InvalidReadingsException e) {
            return tampered(SIGNATURE, "the signed readings cannot be read: " + e.getMessage());
        }
        String deviceID = deviceID(event.event());
        if (!batch.device().equals(deviceID)) {
            return tampered(SIGNATURE, (deviceID == null ? "the event names no device"
                    : "the event names device " + deviceID) + ", but " + batch.device() + " signed the readings");
        }
        String difference = difference(sensorElement(event.event()).path("sensorReport"), batch.readings());
        if (difference != null) {
            return tampered(SIGNATURE, "the event's readings differ from what device " + deviceID + " signed: "
                    + difference);
        }
        return CheckResult.passed(SIGNATURE, batch.readings().size() + " readings signed by device " + deviceID
                + " (" + key.algorithm() + ", key " + key.thumbprint() + ", batch " + batch.counter() + ")");
    }

    /**
     * f. The device's registration names the device and anchored this key's thumbprint, and the registration
     * itself verifies: its outcome is this check's (a registration not yet anchored leaves the readings PENDING).
     */
    static CheckResult key(BundleEvent event, EventReport registration) {
        BundleEvent entry = event.device().registration();
        DeviceKey key;
        try {
            key = DeviceKey.parse(event.device().publicKey());
        } catch (DeviceKeyException e) {
            return tampered(KEY, "the bundle's public key cannot be read: " + e.getMessage());
        }
        String deviceID = deviceID(event.event());
        if (deviceID == null) {
            return tampered(KEY, "the event names no device whose registration could hold the key");
        }
        if (!names(entry.event().path("epcList"), deviceID)) {
            return tampered(KEY, "registration event " + entry.eventID() + " is not about device " + deviceID
                    + " (its epcList does not name it)");
        }
        List<String> anchored = anchoredThumbprints(entry);
        if (anchored.isEmpty() || !anchored.stream().allMatch(key.thumbprint()::equals)) {
            return tampered(KEY, "the key in the bundle is not the one the device's registration event anchored: "
                    + "its thumbprint is " + key.thumbprint() + ", registration event " + entry.eventID() + " has "
                    + (anchored.isEmpty() ? "no dev:" + THUMBPRINT : String.join(", ", anchored)));
        }
        if (registration.anchor() == null) {
            CheckResult failure = registration.failure().orElseThrow();
            return CheckResult.failed(KEY, failure.outcome(), "device " + deviceID + "'s registration event "
                    + entry.eventID() + " is " + registration.outcome() + ": " + failure.check().label() + ": "
                    + failure.detail());
        }
        return CheckResult.passed(KEY, "key " + key.thumbprint() + " is the one registration event " + entry.eventID()
                + " anchored for device " + deviceID + " in block " + registration.anchor().blockNumber());
    }

    private static JsonNode sensorElement(JsonNode event) {
        return event.path("sensorElementList").path(0);
    }

    /** sensorElementList[0].sensorMetadata.deviceID, or null when the event names no device there. */
    private static String deviceID(JsonNode event) {
        return sensorElement(event).path("sensorMetadata").path("deviceID").textValue();
    }

    private static boolean names(JsonNode epcList, String deviceID) {
        for (JsonNode epc : epcList) {
            if (deviceID.equals(epc.textValue())) {
                return true;
            }
        }
        return false;
    }

    /** Where the event's reports first differ from the signed readings (counted from 1), or null when they don't. */
    private static String difference(JsonNode reports, List<ReadingBatch.Reading> signed) {
        int count = reports.isArray() ? reports.size() : 0;
        if (count != signed.size()) {
            return "the event has " + count + " readings, the device signed " + signed.size();
        }
        for (int i = 0; i < count; i++) {
            String difference = difference(reports.get(i), signed.get(i));
            if (difference != null) {
                return "reading " + (i + 1) + " has " + difference;
            }
        }
        return null;
    }

    private static String difference(JsonNode report, ReadingBatch.Reading signed) {
        String type = measurementType(signed.type());
        if (!type.equals(report.path("type").textValue())) {
            return "type " + report.path("type") + " where the device signed \"" + type + "\"";
        }
        if (!sameValue(report.path("value"), signed.value())) {
            return "value " + report.path("value") + " where the device signed " + signed.value().toPlainString();
        }
        if (!signed.unit().equals(report.path("uom").textValue())) {
            return "uom " + report.path("uom") + " where the device signed unit \"" + signed.unit() + "\"";
        }
        if (!signed.time().equals(instant(report.path("time").textValue()))) {
            return "time " + report.path("time") + " where the device signed " + signed.time();
        }
        return null;
    }

    /** A bare GS1 measurement type as the event writes it (gs1:Temperature); a URI as it is. */
    private static String measurementType(String type) {
        return type.contains(":") ? type : "gs1:" + type;
    }

    /**
     * The event's value is the signed one, numerically. A decimal that a JSON reader took as a double (as the
     * Event Hash ID reads numbers) is compared as a double, since the digits beyond one are gone.
     */
    private static boolean sameValue(JsonNode value, BigDecimal signed) {
        if (!value.isNumber()) {
            return false;
        }
        BigDecimal expected = value.isFloatingPointNumber() && !value.isBigDecimal()
                ? BigDecimal.valueOf(signed.doubleValue()) : signed;
        return value.decimalValue().compareTo(expected) == 0;
    }

    private static Instant instant(String time) {
        try {
            return time == null ? null : OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The registration's ILMD members dev:keyThumbprint, under whatever prefix its document (or the event itself,
     * as the hash allows) binds to the device namespace, or written as a full IRI.
     */
    private static List<String> anchoredThumbprints(BundleEvent registration) {
        Map<String, String> prefixes = new HashMap<>(registration.namespaces());
        prefixes.putAll(Namespaces.declaredIn(registration.event().get("@context")));
        List<String> thumbprints = new ArrayList<>();
        registration.event().path("ilmd").properties().forEach(member -> {
            String name = member.getKey();
            int colon = name.indexOf(':');
            boolean thumbprint = name.equals(DEVICE_NAMESPACE + THUMBPRINT) || colon > 0
                    && name.substring(colon + 1).equals(THUMBPRINT)
                    && DEVICE_NAMESPACE.equals(prefixes.get(name.substring(0, colon)));
            if (thumbprint) {
                thumbprints.add(member.getValue().asText());
            }
        });
        return thumbprints;
    }

    private static CheckResult tampered(Check check, String detail) {
        return CheckResult.failed(check, Outcome.TAMPERED, detail);
    }
}
