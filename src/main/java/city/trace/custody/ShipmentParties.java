package city.trace.custody;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * What the shipments record about who moves which lots: implemented by the shipment feature, so that the rules
 * can ask without depending on it.
 */
public interface ShipmentParties {

    /** For each lot (canonical Digital Link), the organisations shipping, carrying or receiving it in any shipment. */
    Map<String, Set<Long>> byLot(Collection<String> lots);

    /** The carrier of each shipment named by one of these business transactions (those of other systems are absent). */
    Map<String, Long> carriers(Collection<String> bizTransactions);
}
