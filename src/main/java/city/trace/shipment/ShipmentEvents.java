package city.trace.shipment;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
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

    /** The shipments these business transactions name (those of other systems are absent), in one query. */
    static Map<String, Shipment> shipmentsOf(Collection<String> transactions) {
        Map<Long, String> byId = new HashMap<>();
        Map<Long, String> glnById = new HashMap<>();
        for (String transaction : transactions) {
            Matcher matcher = TRANSACTION.matcher(transaction);
            if (matcher.matches()) {
                long id = Long.parseLong(matcher.group(2));
                byId.put(id, transaction);
                glnById.put(id, matcher.group(1));
            }
        }
        Map<String, Shipment> shipments = new HashMap<>();
        if (!byId.isEmpty()) {
            Shipment.<Shipment>list("from Shipment s join fetch s.originSite join fetch s.carrier where s.id in ?1",
                    byId.keySet()).stream().filter(s -> s.originSite.gln.equals(glnById.get(s.id)))
                    .forEach(s -> shipments.put(byId.get(s.id), s));
        }
        return shipments;
    }

    private static ObjectNode movement(EpcisEventBuilder event, Shipment shipment) {
        shipment.items.forEach(item -> event.quantity("quantityList", item.batch.product.gtin, item.batch.lot,
                item.quantity, item.batch.unit.name()));
        return event.sourceLocation(shipment.originSite.gln).destinationLocation(shipment.destinationSite.gln)
                .bizTransaction("desadv", transaction(shipment)).build();
    }
}
