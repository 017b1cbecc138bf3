package city.trace.batch;

import java.time.Instant;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.node.ObjectNode;

import city.trace.epcis.EpcisEventBuilder;

/** The EPCIS events that tell a batch's story, as the application records them. */
public final class BatchEvents {

    private BatchEvents() {
    }

    /** A batch came into existence at its site: ObjectEvent ADD, commissioning, with its lot master data. */
    static ObjectNode commissioned(Batch batch, Instant at, ZoneId zone) {
        return lotMasterData(EpcisEventBuilder.objectEvent("ADD", at, zone).bizStep("commissioning")
                .disposition("active").readPoint(batch.site.gln).bizLocation(batch.site.gln)
                .quantity("quantityList", batch.product.gtin, batch.lot, batch.quantity, batch.unit.name()), batch)
                .build();
    }

    /** Adds the lot's instance/lot master data (ILMD): lot number, production and best-before dates. */
    public static EpcisEventBuilder lotMasterData(EpcisEventBuilder event, Batch batch) {
        event.ilmd("cbvmda:lotNumber", batch.lot).ilmd("cbvmda:productionDate", batch.productionDate.toString());
        if (batch.bestBefore != null) {
            event.ilmd("cbvmda:bestBeforeDate", batch.bestBefore.toString());
        }
        return event;
    }
}
