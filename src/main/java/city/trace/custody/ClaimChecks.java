package city.trace.custody;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

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


    /** The rules each stored event breaks (empty when its recorder was entitled to record it), by database id. */
    public Map<Long, List<Violation>> check(Collection<EpcisEvent> events) {
        Map<Long, List<Violation>> results = new HashMap<>();
        Map<EpcisEvent, EventClaims> readable = new LinkedHashMap<>();
        for (EpcisEvent event : events.stream().sorted(Comparator.comparing((EpcisEvent e) -> e.id)).toList()) {
            // unreadable events are the verifier's TAMPERED, not a question of authority
            event.claims().filter(c -> event.organization != null).ifPresentOrElse(c -> readable.put(event, c),
                    () -> results.put(event.id, List.of()));
        }
        if (readable.isEmpty()) {
            return results;
        }
        Members members = Members.load();
        long last = readable.keySet().stream().mapToLong(e -> e.id).max().orElseThrow();
        CustodyHistory history = records.history(members, readable.values(), last);
        readable.forEach((event, claims) -> results.put(event.id, check(event, claims, members, history)));
        return results;
    }

    private static List<Violation> check(EpcisEvent event, EventClaims claims, Members members, CustodyHistory history) {
        List<Violation> violations = new ArrayList<>();
        DelegationClaim.of(event.json(), event.prefixes(), claims)
                .ifPresent(d -> violations.addAll(CustodyGuard.delegationProblems(event.organization, d, members)));
        if (violations.isEmpty()) {
            violations.addAll(new RecordingRules(history.before(event.id), history.holdingsBefore(event.id))
                    .decide(event.organization, claims).violations());
        }
        return violations;
    }
}
