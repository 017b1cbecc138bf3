package city.trace.device;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A device as the registry shows it to anyone (its readings' {@code deviceMetadata} points here): what it is,
 * whose it is, its public key and the anchored events that registered and retired it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceView(long id, String identifier, String kind, String model, String organization, String site,
        String vehicle, String status, String keyAlgorithm, String keyThumbprint, String publicKey,
        Instant registeredAt, String registrationEventId, Instant retiredAt, String retirementEventId,
        long lastCounter) {

    static DeviceView of(Device device) {
        return new DeviceView(device.id, device.identifier, device.kind, device.model, device.organization.name,
                device.site == null ? null : device.site.gln, device.vehicle, device.status.name(),
                device.keyAlgorithm, device.keyThumbprint, device.publicKey, device.registeredAt,
                device.registrationEventId, device.retiredAt, device.retirementEventId, device.lastCounter);
    }
}
