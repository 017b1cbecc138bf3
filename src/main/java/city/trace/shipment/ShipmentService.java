package city.trace.shipment;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.NotFoundException;

import city.trace.batch.BatchQuantity;
import city.trace.batch.HeldLot;
import city.trace.epcis.EpcisConfig;
import city.trace.custody.Measure;
import city.trace.custody.Stock;
import city.trace.epcis.CaptureService;
import city.trace.epcis.LateRecording;
import city.trace.org.CurrentMember;
import city.trace.org.Organization;
import city.trace.site.Site;
import city.trace.web.FormErrors;
import city.trace.web.FormValues;
import city.trace.web.InvalidFormException;
import io.quarkus.security.ForbiddenException;

@ApplicationScoped
public class ShipmentService {

    @Inject
    Validator validator;

    @Inject
    CaptureService captures;

    @Inject
    EpcisConfig epcis;

    /** The zone whose offset the shipment's events record. */
    ZoneId siteZone() {
        return ZoneId.of(epcis.siteTimeZone());
    }

    /** Plans a shipment of {@code shipper}'s batches from one of its sites to another site. */
    @Transactional
    public Shipment create(Organization shipper, ShipmentForm form) {
        FormErrors errors = FormErrors.of(validator.validate(form));
        Optional<Organization> carrier = FormValues.entity(form.carrierId, id -> Organization.<Organization>findByIdOptional(id),
                errors, "carrierId", "Choose one of the carriers");
        carrier.filter(c -> !c.is(Organization.Kind.CARRIER))
                .ifPresent(c -> errors.add("carrierId", "Choose one of the carriers"));
        Optional<Site> origin = FormValues.entity(form.originSiteId, id -> Site.<Site>findByIdOptional(id), errors,
                "originSiteId", "Choose one of your sites");
        origin.filter(s -> !s.belongsTo(shipper)).ifPresent(s -> errors.add("originSiteId", "Choose one of your sites"));
        Optional<Site> destination = FormValues.entity(form.destinationSiteId, id -> Site.<Site>findByIdOptional(id), errors,
                "destinationSiteId", "Choose a destination site");
        if (origin.isPresent() && destination.isPresent() && origin.get().id.equals(destination.get().id)) {
            errors.add("destinationSiteId", "The destination must differ from the origin");
        }

        Shipment shipment = new Shipment();
        addItems(shipment, shipper, origin.filter(s -> s.belongsTo(shipper)), form, errors);
        errors.throwIfAny();

        shipment.shipper = shipper;
        shipment.carrier = carrier.orElseThrow();
        shipment.originSite = origin.orElseThrow();
        shipment.destinationSite = destination.orElseThrow();
        shipment.persist();
        return shipment;
    }

    /** The rows with a quantity: batches the shipper holds at the origin, no more than is there. */
    private static void addItems(Shipment shipment, Organization shipper, Optional<Site> origin, ShipmentForm form,
            FormErrors errors) {
        if (form.batchId.size() != form.quantity.size()) {
            errors.add("items", "The list of batches was incomplete; reload the page and try again");
            return;
        }
        Map<String, HeldLot> held = HeldLot.heldBy(shipper).stream()
                .collect(Collectors.toMap(lot -> lot.batch().id.toString(), Function.identity()));
        for (int i = 0; i < form.batchId.size(); i++) {
            String typed = form.quantity.get(i);
            if (typed == null || typed.isBlank()) {
                continue;
            }
            String field = "quantity-" + form.batchId.get(i);
            HeldLot lot = held.get(form.batchId.get(i));
            if (lot == null) {
                errors.add(field, "Only batches your organisation holds at its sites can be shipped");
                continue;
            }
            if (origin.isEmpty()) {
                continue; // the origin's own message says what to do first
            }
            BatchQuantity.of(typed, lot, origin.get(), errors, field).ifPresent(q -> {
                ShipmentItem item = new ShipmentItem();
                item.shipment = shipment;
                item.batch = lot.batch();
                item.quantity = q;
                shipment.items.add(item);
            });
        }
        if (shipment.items.isEmpty() && !errors.all().keySet().stream().anyMatch(k -> k.startsWith("quantity-"))) {
            errors.add("items", "Enter a quantity for at least one batch");
        }
    }

    /** The shipper or the carrier records that the goods left the origin. */
    @Transactional
    public Shipment depart(Organization org, long id) {
        return depart(org, id, null);
    }

    /**
     * The shipper or the carrier records that the goods left the origin; the carrier may name its vehicle (null:
     * none), whose devices then speak for the goods on the way.
     */
    @Transactional
    public Shipment depart(Organization org, long id, String vehicle) {
        return depart(org, id, vehicle, Instant.now());
    }

    /**
     * As {@link #depart(Organization, long, String)}, for a departure recorded after the fact: the goods left at
     * {@code at} (see {@link LateRecording}).
     */
    @Transactional
    public Shipment depart(Organization org, long id, String vehicle, Instant at) {
        Shipment shipment = findInvolving(org, id);
        if (!shipment.canDepart(org)) {
            throw new InvalidFormException("status", "Only a planned shipment can depart, recorded by its shipper or carrier");
        }
        String named = vehicle == null || vehicle.isBlank() ? null : vehicle.strip();
        if (named != null && !named.matches(Shipment.VEHICLE)) {
            throw new InvalidFormException("vehicle", "A vehicle's name is 1 to 64 letters, digits, spaces, dots, dashes "
                    + "or underscores");
        }
        if (named != null && !shipment.carrier.id.equals(org.id)) {
            throw new InvalidFormException("vehicle", "Only the carrier names the vehicle that carries a shipment");
        }
        shipment.vehicle = named;
        shipment.items.stream().filter(item -> Stock.at(item.batch.lotLink(), shipment.originSite.gln)
                .compareTo(Measure.of(item.quantity, item.batch.unit.name()).quantity()) < 0).findFirst().ifPresent(item -> {
                    throw new InvalidFormException("status", "Not enough of lot " + item.batch.lot + " is left at "
                            + shipment.originSite.name + " any more for this shipment");
                });
        shipment.status = Shipment.Status.DEPARTED;
        shipment.departedAt = LateRecording.check(at, "status", "departure");
        captures.record(org, ShipmentEvents.departed(shipment, shipment.departedAt, siteZone()), Map.of());
        return shipment;
    }

    /** The carrier or the receiving organisation records that the goods reached the destination. */
    @Transactional
    public Shipment arrive(Organization org, long id) {
        return arrive(org, id, Instant.now());
    }

    /** As {@link #arrive(Organization, long)}, for an arrival at {@code at}, recorded after the fact. */
    @Transactional
    public Shipment arrive(Organization org, long id, Instant at) {
        Shipment shipment = findInvolving(org, id);
        if (!shipment.canArrive(org)) {
            throw new InvalidFormException("status",
                    "Only a departed shipment can arrive, recorded by its carrier or receiver");
        }
        shipment.status = Shipment.Status.ARRIVED;
        if (at.isBefore(shipment.departedAt)) {
            throw new InvalidFormException("status", "A shipment cannot arrive before it departed ("
                    + shipment.departedAt + ")");
        }
        shipment.arrivedAt = LateRecording.check(at, "status", "arrival");
        captures.record(org, ShipmentEvents.arrived(shipment, shipment.arrivedAt, siteZone()), Map.of());
        return shipment;
    }

    /** The shipment, if {@code member}'s organisation ships, carries or receives it, or they are a regulator. */
    public Shipment findVisible(CurrentMember member, long id) {
        Shipment shipment = find(id);
        if (!member.isRegulator() && !shipment.involves(member.organization())) {
            throw new ForbiddenException("Shipment " + id + " does not involve your organisation");
        }
        return shipment;
    }

    private static Shipment findInvolving(Organization org, long id) {
        Shipment shipment = find(id);
        if (!shipment.involves(org)) {
            throw new ForbiddenException("Shipment " + id + " does not involve your organisation");
        }
        return shipment;
    }

    private static Shipment find(long id) {
        return Shipment.<Shipment>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("There is no shipment " + id));
    }
}
