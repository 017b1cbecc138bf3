package city.trace.custody;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import city.trace.epcis.EpcisEvent;
import city.trace.epcis.EventClaims;
import city.trace.org.Members;

/**
 * Judges stored events again, each against the records as they stood just before it was stored: what
 * verification uses so that a page vouches only for claims their recorders were entitled to make, whenever
 * and however the events got into the database.
 */
@ApplicationScoped
public class ClaimChecks {

    @Inject
    CustodyRecords records;

    @Inject
    StockLedger ledger;

    /** The rules each stored event breaks (empty when its recorder was entitled to record it), by database id. */
    public Map<Long, List<Violation>> check(Collection<EpcisEvent> events) {
        Members members = Members.load();
        Map<Long, List<Violation>> results = new HashMap<>();
        for (EpcisEvent event : events.stream().sorted(Comparator.comparing((EpcisEvent e) -> e.id)).toList()) {
            results.put(event.id, check(event, members));
        }
        return results;
    }

    private List<Violation> check(EpcisEvent event, Members members) {
        Optional<EventClaims> claims = event.claims();
        if (claims.isEmpty() || event.organization == null) {
            return List.of(); // unreadable events are the verifier's TAMPERED, not a question of authority
        }
        Holdings holdings = Holdings.empty();
        ledger.movements(CustodyRecords.lots(members, List.of(claims.get())), event.id)
                .forEach(entry -> holdings.apply(entry.movement()));
        List<Violation> violations = new ArrayList<>();
        DelegationClaim.of(event.json(), event.prefixes(), claims.get())
                .ifPresent(d -> violations.addAll(CustodyGuard.delegationProblems(event.organization, d, members)));
        if (violations.isEmpty()) {
            violations.addAll(new RecordingRules(records.before(members, List.of(claims.get()), event.id), holdings)
                    .decide(event.organization, claims.get()).violations());
        }
        return violations;
    }
}
