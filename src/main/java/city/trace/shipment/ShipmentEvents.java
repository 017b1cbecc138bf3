package city.trace.shipment;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

import city.trace.epcis.EpcisEventBuilder;

/** The EPCIS events of a shipment: observed leaving its origin, and arriving at its destination. */
final class ShipmentEvents {

    private static final String TRANSACTION_PREFIX = "urn:epcglobal:cbv:bt:";
    private static final Pattern TRANSACTION = Pattern.compile(Pattern.quote(TRANSACTION_PREFIX) + "(\\d{13}):(\\d{1,18})");

    private ShipmentEvents() {
    }

    /** ObjectEvent OBSERVE, shipping, in_transit, at the origin. */
    static ObjectNode departed(Shipment shipment, Instant at, ZoneId zone) {
        return movement(EpcisEventBuilder.objectEvent("OBSERVE", at, zone).bizStep("shipping").disposition("in_transit")
                .readPoint(shipment.originSite.gln), shipment);
    }

    /** ObjectEvent OBSERVE, receiving, in_progress, at the destination. */
    static ObjectNode arrived(Shipment shipment, Instant at, ZoneId zone) {
        return movement(EpcisEventBuilder.objectEvent("OBSERVE", at, zone).bizStep("receiving").disposition("in_progress")
                .readPoint(shipment.destinationSite.gln).bizLocation(shipment.destinationSite.gln), shipment);
    }

    /**
     * The business transaction naming a shipment in its events (a despatch advice in CBV's URN form, issued at
     * the origin's GLN), which tells where its goods are while in transit.
     */
    static String transaction(Shipment shipment) {
        return TRANSACTION_PREFIX + shipment.originSite.gln + ":" + shipment.id;
    }

    /** The shipment one of its events' business transactions names. */
    static Optional<Shipment> shipmentOf(String transaction) {
        Matcher matcher = TRANSACTION.matcher(transaction);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Shipment.<Shipment>findByIdOptional(Long.parseLong(matcher.group(2)))
                .filter(shipment -> shipment.originSite.gln.equals(matcher.group(1)));
    }

    private static ObjectNode movement(EpcisEventBuilder event, Shipment shipment) {
        shipment.items.forEach(item -> event.quantity("quantityList", item.batch.product.gtin, item.batch.lot,
                item.quantity, item.batch.unit.name()));
        return event.sourceLocation(shipment.originSite.gln).destinationLocation(shipment.destinationSite.gln)
                .bizTransaction("desadv", transaction(shipment)).build();
    }
}
