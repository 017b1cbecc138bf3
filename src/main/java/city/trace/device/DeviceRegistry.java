package city.trace.device;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.NotFoundException;

import city.trace.signedreadings.DeviceKey;
import city.trace.signedreadings.DeviceKeyException;
import city.trace.epcis.CaptureRefusedException;
import city.trace.epcis.CaptureService;
import city.trace.epcis.EpcisConfig;
import city.trace.gs1.DigitalLink;
import city.trace.gs1.EpcUrn;
import city.trace.gs1.InvalidIdentifierException;
import city.trace.org.CurrentMember;
import city.trace.org.Organization;
import city.trace.shipment.Shipment;
import city.trace.site.Site;
import city.trace.web.FormErrors;
import city.trace.web.InvalidFormException;
import io.quarkus.security.ForbiddenException;

/** Registers an organisation's devices, suspends, resumes and retires them: each step an anchored event. */
@ApplicationScoped
public class DeviceRegistry {

    @Inject
    Validator validator;

    @Inject
    CaptureService captures;

    @Inject
    EpcisConfig epcis;

    @Transactional
    public Device register(Organization org, String user, DeviceForm form) {
        FormErrors errors = FormErrors.of(validator.validate(form));
        Optional<String> identifier = identifier(form.identifier, errors);
        identifier.filter(id -> Device.findInService(id).isPresent()).ifPresent(id -> errors.add("identifier",
                "A device with this identifier is registered already; retire it before registering it again"));
        Optional<Site> site = placement(org, form, errors);
        Optional<DeviceKey> key = key(form.publicKey, errors);
        errors.throwIfAny();

        Device device = new Device();
        device.organization = org;
        device.identifier = identifier.orElseThrow();
        device.kind = form.kind.strip();
        device.model = form.model.strip();
        device.site = site.orElse(null);
        device.vehicle = site.isPresent() ? null : form.vehicle.strip();
        device.publicKey = key.orElseThrow().pem();
        device.keyAlgorithm = key.get().algorithm();
        device.keyThumbprint = key.get().thumbprint();
        device.registeredAt = Instant.now();
        device.registeredBy = user;
        try {
            device.registrationEventId = captures.record(org, DeviceEvents.registered(device, key.get(),
                    device.registeredAt, zone()), DeviceEvents.NAMESPACES).eventId();
        } catch (CaptureRefusedException refused) {
            throw new InvalidFormException("identifier", "This identifier is not yours to register: " + refused.getMessage());
        }
        device.persist();
        return device;
    }

    /** Stops taking the device's readings until it is resumed. */
    @Transactional
    public Device suspend(Organization org, long id) {
        return changeStatus(org, id, Device.Status.ACTIVE, Device.Status.SUSPENDED, "Only an active device can be suspended");
    }

    @Transactional
    public Device resume(Organization org, long id) {
        return changeStatus(org, id, Device.Status.SUSPENDED, Device.Status.ACTIVE, "Only a suspended device can be resumed");
    }

    private Device changeStatus(Organization org, long id, Device.Status from, Device.Status to, String refusal) {
        Device device = own(org, id);
        if (device.status != from) {
            throw new InvalidFormException("status", refusal + "; this one is " + device.status.name().toLowerCase());
        }
        captures.record(org, DeviceEvents.statusChanged(device, to == Device.Status.ACTIVE, Instant.now(), zone()),
                DeviceEvents.NAMESPACES);
        device.status = to;
        return device;
    }

    /** For good: its readings so far stay verifiable; a new key means registering the identifier again. */
    @Transactional
    public Device retire(Organization org, long id) {
        Device device = own(org, id);
        if (device.status == Device.Status.RETIRED) {
            throw new InvalidFormException("status", "The device is retired already");
        }
        device.retiredAt = Instant.now();
        device.retirementEventId = captures.record(org, DeviceEvents.retired(device, device.retiredAt, zone()),
                DeviceEvents.NAMESPACES).eventId();
        device.status = Device.Status.RETIRED;
        return device;
    }

    /** The devices {@code member} may see: the consortium admin and regulators see all, others their own. */
    public List<Device> visibleTo(CurrentMember member) {
        return member.isConsortiumAdmin() || member.isRegulator() ? Device.listAll()
                : Device.listByOrganization(member.organization());
    }

    public Device findVisible(CurrentMember member, long id) {
        Device device = find(id);
        if (!device.visibleTo(member)) {
            throw new ForbiddenException("Device " + id + " is not one of your organisation's");
        }
        return device;
    }

    static Device find(long id) {
        return Device.<Device>findByIdOptional(id).orElseThrow(() -> new NotFoundException("There is no device " + id));
    }

    private Device own(Organization org, long id) {
        Device device = find(id);
        if (!device.organization.id.equals(org.id)) {
            throw new ForbiddenException("Device " + id + " is not one of your organisation's");
        }
        return device;
    }

    /** An absolute URI; a GS1 one (EPC URN or Digital Link) must be well-formed and becomes its canonical link. */
    private static Optional<String> identifier(String text, FormErrors errors) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        try {
            if (EpcUrn.isEpcUrn(value)) {
                return EpcUrn.toDigitalLink(value).map(DigitalLink::toUri).or(() -> {
                    errors.add("identifier", "This EPC URN names no GS1 key that has a Digital Link");
                    return Optional.empty();
                });
            }
            Optional<DigitalLink> link = DigitalLink.parse(value);
            if (link.isPresent()) {
                return Optional.of(link.get().toUri());
            }
            if (URI.create(value).isAbsolute() && !value.contains(" ")) {
                return Optional.of(value);
            }
        } catch (InvalidIdentifierException e) {
            errors.add("identifier", e.getMessage());
            return Optional.empty();
        } catch (IllegalArgumentException notUri) {
            // reported below
        }
        errors.add("identifier", "Enter a URI: a GIAI (https://id.gs1.org/8004/…, urn:epc:id:giai:…) or another absolute URI");
        return Optional.empty();
    }

    /** One of the organisation's sites, or else a vehicle name: exactly one of the two. */
    private static Optional<Site> placement(Organization org, DeviceForm form, FormErrors errors) {
        boolean hasSite = form.site != null && !form.site.isBlank();
        boolean hasVehicle = form.vehicle != null && !form.vehicle.isBlank();
        if (hasSite == hasVehicle) {
            errors.add("site", "Choose the site the device sits at, or name the vehicle it rides in (one of the two)");
            return Optional.empty();
        }
        if (hasVehicle) {
            if (!form.vehicle.strip().matches(Shipment.VEHICLE)) {
                errors.add("vehicle", "A vehicle's name is 1 to 64 letters, digits, spaces, dots, dashes or underscores");
            }
            return Optional.empty();
        }
        Optional<Site> site = Site.findByGln(form.site.strip()).filter(s -> s.belongsTo(org));
        if (site.isEmpty()) {
            errors.add("site", "Choose one of your organisation's sites (its GLN)");
        }
        return site;
    }

    private static Optional<DeviceKey> key(String pem, FormErrors errors) {
        if (pem == null || pem.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(DeviceKey.parse(pem));
        } catch (DeviceKeyException e) {
            errors.add("publicKey", e.getMessage());
            return Optional.empty();
        }
    }

    private ZoneId zone() {
        return ZoneId.of(epcis.siteTimeZone());
    }
}
