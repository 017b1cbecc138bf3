package city.trace.custody;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import city.trace.epcis.EventQueryRepository;
import city.trace.org.Members;

/**
 * The records about some goods up to one event, read at once, from which the records as they stood just before
 * any earlier event are cut in memory: verification judges many events of one page with a handful of queries.
 */
public final class CustodyHistory {

    private final Members members;
    private final List<Delegation> delegations;
    private final Map<String, Set<Long>> shipmentParties;
    private final Map<String, Long> carriers;
    private final List<EventQueryRepository.Sighting> sightings;
    private final List<StockLedger.Entry> movements;

    CustodyHistory(Members members, List<Delegation> delegations, Map<String, Set<Long>> shipmentParties,
            Map<String, Long> carriers, List<EventQueryRepository.Sighting> sightings, List<StockLedger.Entry> movements) {
        this.members = members;
        this.delegations = delegations;
        this.shipmentParties = shipmentParties;
        this.carriers = carriers;
        this.sightings = sightings;
        this.movements = movements;
    }

    /** The records as they stood just before event {@code eventId} was stored. */
    public Records before(long eventId) {
        Map<String, Set<String>> seen = new HashMap<>();
        sightings.stream().filter(s -> s.eventId() < eventId)
                .forEach(s -> seen.computeIfAbsent(s.instance(), i -> new HashSet<>()).add(s.location()));
        return new Records(members, Delegations.of(delegations.stream().filter(d -> d.inForceBefore(eventId)).toList()),
                shipmentParties, carriers, seen);
    }

    /** The stock of the goods just before event {@code eventId} was stored. */
    public Holdings holdingsBefore(long eventId) {
        Holdings holdings = Holdings.empty();
        movements.stream().filter(m -> m.eventId() < eventId).forEach(m -> holdings.apply(m.movement()));
        return holdings;
    }
}
