package city.trace.shipment;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import city.trace.custody.ShipmentParties;
import city.trace.gs1.DigitalLink;

/** Who ships, carries and receives which lots, as the shipments record it, for the recording rules. */
@ApplicationScoped
public class ShipmentRecords implements ShipmentParties {

    @Override
    public Map<String, Set<Long>> byLot(Collection<String> lots) {
        Map<String, String> lotByLink = new HashMap<>();
        Set<String> gtins = new HashSet<>();
        for (String link : lots) {
            DigitalLink.parseLot(link).ifPresent(parsed -> {
                lotByLink.put(parsed.keyValue() + "|" + parsed.qualifier("10").orElseThrow(), link);
                gtins.add(parsed.keyValue());
            });
        }
        Map<String, Set<Long>> parties = new HashMap<>();
        if (gtins.isEmpty()) {
            return parties;
        }
        List<ShipmentItem> items = ShipmentItem.list("from ShipmentItem i join fetch i.batch b join fetch b.product p "
                + "join fetch i.shipment s join fetch s.destinationSite where p.gtin in ?1", gtins);
        for (ShipmentItem item : items) {
            String link = lotByLink.get(item.batch.product.gtin + "|" + item.batch.lot);
            if (link != null) {
                Shipment s = item.shipment;
                parties.computeIfAbsent(link, l -> new HashSet<>())
                        .addAll(List.of(s.shipper.id, s.carrier.id, s.destinationSite.organization.id));
            }
        }
        return parties;
    }

    @Override
    public Map<String, Long> carriers(Collection<String> bizTransactions) {
        return ShipmentEvents.shipmentsOf(bizTransactions).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().carrier.id));
    }
}
