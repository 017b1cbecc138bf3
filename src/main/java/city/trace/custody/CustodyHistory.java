package city.trace.custody;

import java.util.ArrayList;
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
    /** The ledger's movements by item, each item's in the order of its events. */
    private final Map<String, List<StockLedger.Entry>> movements = new HashMap<>();
    /** How far each item's movements are applied, so that events judged in order apply each movement once. */
    private final Map<String, Cursor> cursors = new HashMap<>();

    private static final class Cursor {
        private final Holdings applied = Holdings.empty();
        private int next;
        private long before = Long.MIN_VALUE;
    }

    CustodyHistory(Members members, List<Delegation> delegations, Map<String, Set<Long>> shipmentParties,
            Map<String, Long> carriers, List<EventQueryRepository.Sighting> sightings, List<StockLedger.Entry> movements) {
        this.members = members;
        this.delegations = delegations;
        this.shipmentParties = shipmentParties;
        this.carriers = carriers;
        this.sightings = sightings;
        movements.forEach(m -> this.movements.computeIfAbsent(m.movement().item(), item -> new ArrayList<>()).add(m));
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
        return Holdings.of(item -> balancesBefore(item, eventId));
    }

    /**
     * An item's balances just before event {@code eventId}: its movements up to there applied, from where the last
     * ask left off when it asked about no later event (events judged oldest first apply each movement once).
     */
    private Map<String, Holdings.Balance> balancesBefore(String item, long eventId) {
        List<StockLedger.Entry> its = movements.getOrDefault(item, List.of());
        Cursor cursor = cursors.get(item);
        if (cursor == null || eventId < cursor.before) {
            cursors.put(item, cursor = new Cursor());
        }
        while (cursor.next < its.size() && its.get(cursor.next).eventId() < eventId) {
            cursor.applied.apply(its.get(cursor.next++).movement());
        }
        cursor.before = eventId;
        return cursor.applied.balancesOf(item);
    }
}
