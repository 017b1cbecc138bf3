package city.trace.device;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import city.trace.signedreadings.DeviceKey;
import city.trace.signedreadings.ReadingBatch;
import city.trace.epcis.EpcisEventBuilder;

/**
 * The EPCIS events of a device's life, each recorded by its organisation and anchored like every event: its
 * registration (commissioning, with the key in its ILMD, so who vouched for which key is provable), suspension
 * and resumption (disposition inactive / active), retirement (decommissioning), its signed readings (sensor
 * reporting about the lots on board or on site) and cold-chain breaches.
 */
final class DeviceEvents {

    static final String NAMESPACE = "https://citytrace.city/ns/device#";
    static final String PREFIX = "dev";
    static final Map<String, String> NAMESPACES = Map.of(PREFIX, NAMESPACE);

    private DeviceEvents() {
    }

    static ObjectNode registered(Device device, DeviceKey key, Instant time, ZoneId zone) {
        EpcisEventBuilder event = EpcisEventBuilder.objectEvent("ADD", time, zone).bizStep("commissioning")
                .disposition("active");
        if (device.site != null) {
            event.readPoint(device.site.gln);
        }
        event.ilmd(PREFIX + ":kind", device.kind).ilmd(PREFIX + ":model", device.model)
                .ilmd(PREFIX + ":keyAlgorithm", key.algorithm()).ilmd(PREFIX + ":keyThumbprint", key.thumbprint())
                .ilmd(PREFIX + ":publicKey", Base64.getEncoder().encodeToString(key.der()));
        if (device.vehicle != null) {
            event.ilmd(PREFIX + ":vehicle", device.vehicle);
        }
        return withDevice(event.build(), device);
    }

    /** Suspended (inactive) or back in service (active). */
    static ObjectNode statusChanged(Device device, boolean active, Instant time, ZoneId zone) {
        return withDevice(EpcisEventBuilder.objectEvent("OBSERVE", time, zone).bizStep("inspecting")
                .disposition(active ? "active" : "inactive").build(), device);
    }

    static ObjectNode retired(Device device, Instant time, ZoneId zone) {
        return withDevice(EpcisEventBuilder.objectEvent("DELETE", time, zone).bizStep("decommissioning")
                .disposition("inactive").build(), device);
    }

    /**
     * The readings of a signed batch as a sensor-reporting observation of {@code lots}: one sensor element whose
     * metadata names the device, its registry entry and the signed payload as received ({@code rawData}).
     */
    static ObjectNode readings(Device device, ReadingBatch batch, Collection<String> lots, String registryUrl,
            String payloadUrl, ZoneId zone) {
        Instant last = batch.readings().stream().map(ReadingBatch.Reading::time).max(Instant::compareTo).orElseThrow();
        EpcisEventBuilder event = EpcisEventBuilder.objectEvent("OBSERVE", last, zone).bizStep("sensor_reporting");
        lots.forEach(lot -> event.epcClass("quantityList", lot));
        if (device.site != null) {
            event.readPoint(device.site.gln);
        }
        ObjectNode built = event.build();
        ObjectNode element = built.putArray("sensorElementList").addObject();
        element.putObject("sensorMetadata").put("deviceID", device.identifier).put("deviceMetadata", registryUrl)
                .put("rawData", payloadUrl);
        ArrayNode reports = element.putArray("sensorReport");
        for (ReadingBatch.Reading reading : batch.readings()) {
            reports.addObject().put("type", measurementType(reading.type())).put("value", reading.value())
                    .put("uom", reading.unit()).put("time", reading.time().toString());
        }
        return built;
    }

    /**
     * A cold-chain breach of {@code lots}: an observation with disposition non_conformant whose sensor report is
     * the reading that broke the rule, flagged as an alarm condition.
     */
    static ObjectNode breach(Device device, List<String> lots, Instant time, double extremeCelsius, String rule,
            ZoneId zone) {
        EpcisEventBuilder event = EpcisEventBuilder.objectEvent("OBSERVE", time, zone).bizStep("inspecting")
                .disposition("non_conformant");
        lots.forEach(lot -> event.epcClass("quantityList", lot));
        if (device.site != null) {
            event.readPoint(device.site.gln);
        }
        ObjectNode built = event.build();
        ObjectNode element = built.putArray("sensorElementList").addObject();
        element.putObject("sensorMetadata").put("deviceID", device.identifier);
        element.putArray("sensorReport").addObject().put("type", "gs1:Temperature").put("exception", "ALARM_CONDITION")
                .put("value", extremeCelsius).put("uom", "CEL").put("time", time.toString());
        built.put(PREFIX + ":coldChainRule", rule);
        return built;
    }

    /** A GS1 measurement type term as the JSON-LD binding writes it (gs1:Temperature); a URI as it is. */
    static String measurementType(String type) {
        return type.contains(":") ? type : "gs1:" + type;
    }

    /** The device is the object of its own life's events. */
    private static ObjectNode withDevice(ObjectNode event, Device device) {
        event.putArray("epcList").add(device.identifier);
        return event;
    }
}
