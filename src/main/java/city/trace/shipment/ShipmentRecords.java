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
        // ids only: a lot may travel on many shipments, and the rules need no more of them
        ShipmentItem.getEntityManager().createQuery("select i.batch.id, s.shipper.id, s.carrier.id, d.organization.id "
                + "from ShipmentItem i join i.shipment s join s.destinationSite d where i.batch.id in ?1", Object[].class)
                .setParameter(1, lotOf.keySet()).getResultList()
                .forEach(row -> parties.computeIfAbsent(lotOf.get((Long) row[0]), l -> new HashSet<>())
                        .addAll(List.of((Long) row[1], (Long) row[2], (Long) row[3])));
        return parties;
    }

    @Override
    public Map<String, Long> carriers(Collection<String> bizTransactions) {
        return ShipmentEvents.shipmentsOf(bizTransactions).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().carrier.id));
    }
}
