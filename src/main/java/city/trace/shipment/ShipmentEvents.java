package city.trace.shipment;

import java.time.Instant;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.node.ObjectNode;

import city.trace.epcis.EpcisEventBuilder;

/** The EPCIS events of a shipment: observed leaving its origin, and arriving at its destination. */
final class ShipmentEvents {

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

    private static ObjectNode movement(EpcisEventBuilder event, Shipment shipment) {
        shipment.items.forEach(item -> event.quantity("quantityList", item.batch.product.gtin, item.batch.lot,
                item.quantity, item.batch.unit.name()));
        return event.sourceLocation(shipment.originSite.gln).destinationLocation(shipment.destinationSite.gln).build();
    }
}
