package city.trace.custody;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import city.trace.epcis.EpcisEvent;
import city.trace.epcis.EventClaims;
import city.trace.org.Members;

/**
 * Judges stored events again, each against the records as they stood just before it was stored: what
 * verification uses so that a page vouches only for claims their recorders were entitled to make, whenever
 * and however the events got into the database. Events found entitled are remembered ({@link VouchedEvents}):
 * those capture or a replay allowed as they were stored, and those judged here.
 */
@ApplicationScoped
public class ClaimChecks {

    @Inject
    CustodyRecords records;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final VouchedEvents vouched = new VouchedEvents();

    /** The rules each stored event breaks (empty when its recorder was entitled to record it), by database id. */
    public Map<Long, List<Violation>> check(Collection<EpcisEvent> events) {
        Map<Long, List<Violation>> results = new HashMap<>();
        // oldest first: the records before each event are then cut from the history in one pass
        Map<EpcisEvent, EventClaims> readable = new LinkedHashMap<>();
        for (EpcisEvent event : events.stream().sorted(Comparator.comparingLong(e -> e.id)).toList()) {
            if (vouched.contains(event.id)) {
                results.put(event.id, List.of());
                continue;
            }
            // unreadable events are the verifier's TAMPERED, not a question of authority
            event.claims().filter(c -> event.organization != null).ifPresentOrElse(c -> readable.put(event, c),
                    () -> results.put(event.id, List.of()));
        }
        if (readable.isEmpty()) {
            return results;
        }
        long last = readable.keySet().stream().mapToLong(e -> e.id).max().orElseThrow();
        CustodyHistory history = records.history(Members.load(), readable.values(), last);
        readable.forEach((event, claims) -> {
            List<Violation> violations = new RecordingRules(history.before(event.id), history.holdingsBefore(event.id))
                    .decide(event.organization, claims, DelegationClaim.of(event.json(), event.prefixes(), claims))
                    .violations();
            if (violations.isEmpty()) {
                vouched.add(event.id);
            }
            results.put(event.id, violations);
        });
        return results;
    }

    /** Remembers events the rules allowed as they were stored, once the transaction storing them commits. */
    void allowed(List<Long> eventIds) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    eventIds.forEach(vouched::add);
                }
            }
        });
    }

    /** Whether the event is remembered as vouched for, without judging it. */
    boolean remembers(long eventId) {
        return vouched.contains(eventId);
    }
}
