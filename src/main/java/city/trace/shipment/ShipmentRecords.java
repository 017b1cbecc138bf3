package city.trace.shipment;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import city.trace.batch.Batch;
import city.trace.batch.LotShipments;
import city.trace.custody.ShipmentParties;
import city.trace.org.Organization;

/** Who ships, carries and receives which lots, as the shipments record it, for the recording rules and batch pages. */
@ApplicationScoped
public class ShipmentRecords implements ShipmentParties, LotShipments {

    @Override
    public List<Shipped> of(Batch batch) {
        return ShipmentItem.listByBatch(batch).stream().map(item -> new Shipped(item.shipment.id,
                item.shipment.destinationSite.name, item.shipment.carrier.name, item.quantity,
                item.shipment.status.name(), item.shipment.status.label)).toList();
    }

    @Override
    public boolean involve(Batch batch, Organization organization) {
        return ShipmentItem.listByBatch(batch).stream().anyMatch(item -> item.shipment.involves(organization));
    }

    @Override
    public Map<String, Set<Long>> byLot(Collection<String> lots) {
        Map<Long, String> lotOf = new HashMap<>();
        Batch.idsByLotLinks(lots).forEach((link, batch) -> lotOf.put(batch, link));
        Map<String, Set<Long>> parties = new HashMap<>();
        if (lotOf.isEmpty()) {
            return parties;
        }
        // ids only (a lot may travel on many shipments, and the rules need no more of them), in SQL with an array
        // parameter: an HQL "in" list is translated anew for every execution
        @SuppressWarnings("unchecked")
        List<Object[]> rows = ShipmentItem.getEntityManager().createNativeQuery("select i.batch_id, s.shipper_id, "
                + "s.carrier_id, d.organization_id from shipment_item i join shipment s on s.id = i.shipment_id "
                + "join site d on d.id = s.destination_site_id where i.batch_id = any(?1)")
                .setParameter(1, lotOf.keySet().toArray(Long[]::new)).getResultList();
        rows.forEach(row -> parties.computeIfAbsent(lotOf.get(((Number) row[0]).longValue()), l -> new HashSet<>())
                .addAll(List.of(((Number) row[1]).longValue(), ((Number) row[2]).longValue(), ((Number) row[3]).longValue())));
        return parties;
    }

    @Override
    public Map<String, Long> carriers(Collection<String> bizTransactions) {
        return ShipmentEvents.shipmentsOf(bizTransactions).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().carrier.id));
    }
}
