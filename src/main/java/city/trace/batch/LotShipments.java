package city.trace.batch;

import java.math.BigDecimal;
import java.util.List;

import city.trace.org.Organization;

/**
 * The shipments a lot travels in, as the shipment feature records them: batch pages list them and let their
 * parties see the lot, without batch knowing shipments (the shipment feature implements this).
 */
public interface LotShipments {

    /**
     * One shipment of the lot.
     *
     * @param status      the shipment's status as a CSS-safe name (PLANNED, ...), {@code statusLabel} in words
     * @param quantity    how much of the lot travels in it, in the lot's unit
     */
    record Shipped(long shipmentId, String destination, String carrier, BigDecimal quantity, String status,
            String statusLabel) {
    }

    /** The lot's shipments, oldest first. */
    List<Shipped> of(Batch batch);

    /** Whether the organisation ships, carries or receives the lot in one of its shipments. */
    boolean involve(Batch batch, Organization organization);
}
