package city.trace.custody;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import city.trace.epcis.EventQueryRepository;
import city.trace.epcis.EventClaims;
import city.trace.epcis.IdentifierRole;
import city.trace.org.Members;

/** Reads what the rules need to judge some events: now (capture) or as it was before an event (verification). */
@ApplicationScoped
public class CustodyRecords {

    private static final Set<IdentifierRole> INSTANCES = EnumSet.of(IdentifierRole.EPC, IdentifierRole.PARENT,
            IdentifierRole.CHILD, IdentifierRole.INPUT, IdentifierRole.OUTPUT);

    @Inject
    Instance<ShipmentParties> shipments;

    @Inject
    StockLedger ledger;

    @Inject
    EventQueryRepository eventQueries;

    /** The records as they are now, for judging new events. */
    public Records now(Members members, Collection<EventClaims> events) {
        return asOf(members, events, Long.MAX_VALUE);
    }

    /** The records before event {@code eventId}, with the delegations the table holds now (a replay's so far). */
    public Records asOf(Members members, Collection<EventClaims> events, long eventId) {
        return history(members, events, Delegation.listOpen(), eventId, false).before(eventId);
    }

    /**
     * The records about the goods these events name, up to (not including) event {@code untilId}, from which
     * those before each event can be cut; with the stock ledger of their lots.
     */
    public CustodyHistory history(Members members, Collection<EventClaims> events, long untilId) {
        return history(members, events, Delegation.listEver(), untilId, true);
    }

    /** The lots of members' products the events name in quantity lists: what stock is kept of. */
    public static Set<String> lots(Members members, Collection<EventClaims> events) {
        return identifiers(events, IdentifierRole.ANY_CLASS).stream()
                .filter(id -> members.ownerOf(id).isPresent()).collect(Collectors.toSet());
    }

    private CustodyHistory history(Members members, Collection<EventClaims> events, List<Delegation> delegations,
            long untilId, boolean withLedger) {
        Set<String> lots = lots(members, events);
        Set<String> transactions = events.stream().flatMap(e -> e.bizTransactions().stream())
                // a business transaction's type is optional
                .filter(t -> t.type() != null && RecordingRules.SHIPMENT_TRANSACTIONS.contains(t.type()))
                .map(EventClaims.Party::id).collect(Collectors.toSet());
        Set<String> instances = identifiers(events, INSTANCES).stream()
                .filter(id -> members.ownerOf(id).isPresent()).collect(Collectors.toSet());
        ShipmentParties parties = shipments.get();
        return new CustodyHistory(members, delegations, lots.isEmpty() ? Map.of() : parties.byLot(lots),
                transactions.isEmpty() ? Map.of() : parties.carriers(transactions),
                eventQueries.sightings(instances, untilId), withLedger ? ledger.movements(lots, untilId) : List.of());
    }

    private static Set<String> identifiers(Collection<EventClaims> events, Set<IdentifierRole> roles) {
        return events.stream().flatMap(e -> e.lines(roles).stream()).map(EventClaims.Line::identifier)
                .collect(Collectors.toSet());
    }
}
