package city.trace.custody;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import city.trace.epcis.CaptureGuard;
import city.trace.epcis.EventClaims;
import city.trace.epcis.EventQueryRepository;
import city.trace.epcis.PreparedEvent;
import city.trace.org.Members;
import city.trace.org.Organization;
import city.trace.web.Problem;

/**
 * Applies the recording rules at capture, for the pages and the EPCIS API alike, and writes what allowed
 * events do to stock and delegations in the transaction that stores them.
 */
@ApplicationScoped
public class CustodyGuard implements CaptureGuard {

    @Inject
    CustodyRecords records;

    @Inject
    StockLedger ledger;

    @Inject
    EventQueryRepository eventQueries;

    @Inject
    ClaimChecks claimChecks;

    @Override
    public Admission admit(Organization recorder, List<PreparedEvent> events) {
        Members members = Members.load();
        List<EventClaims> claims = events.stream().map(PreparedEvent::claims).toList();
        Holdings holdings = ledger.current(CustodyRecords.lots(members, claims),
                claims.stream().anyMatch(c -> RecordingRules.StockEffect.of(c) != RecordingRules.StockEffect.NONE));
        RecordingRules rules = new RecordingRules(records.now(members, claims), holdings);
        Set<String> known = storedEventIds(events);
        Map<Integer, Decision> decisions = new HashMap<>();
        Map<Integer, DelegationClaim> delegations = new HashMap<>();
        Map<Integer, List<Problem.Error>> refusals = new TreeMap<>();
        for (int i = 0; i < events.size(); i++) {
            PreparedEvent event = events.get(i);
            if (!known.add(event.eventId())) {
                continue; // stored already (or earlier in this document): storing it again changes nothing
            }
            Optional<DelegationClaim> delegation = DelegationClaim.of(event.event(), event.namespaces(), event.claims());
            Decision decision = rules.decide(recorder, event.claims(), delegation);
            if (decision.allowed()) {
                decisions.put(i, decision);
                int position = i;
                delegation.ifPresent(d -> delegations.put(position, d));
            } else {
                refusals.put(i, decision.violations().stream()
                        .map(v -> new Problem.Error(v.pointer(), v.detail(), v.rule().code)).toList());
            }
        }
        return new Admission() {
            @Override
            public Map<Integer, List<Problem.Error>> refusals() {
                return refusals;
            }

            @Override
            public void stored(List<Integer> positions, long[] ids) {
                List<StockLedger.Entry> entries = new ArrayList<>();
                List<Long> allowed = new ArrayList<>();
                for (int n = 0; n < positions.size(); n++) {
                    long id = ids[n];
                    Decision decision = decisions.get(positions.get(n));
                    if (decision != null) {
                        decision.movements().forEach(m -> entries.add(new StockLedger.Entry(id, m)));
                        allowed.add(id);
                    }
                    DelegationClaim delegation = delegations.get(positions.get(n));
                    if (delegation != null) {
                        record(recorder, delegation, id, members);
                    }
                }
                ledger.record(entries);
                claimChecks.allowed(allowed);
            }
        };
    }

    /** Grants or revokes in the delegation table what a stored delegation event declares. */
    static void record(Organization owner, DelegationClaim claim, long eventId, Members members) {
        Organization delegate = members.byPrefix(claim.delegatePrefix()).orElseThrow();
        Optional<Delegation> open = Delegation.findOpen(claim.productClass(), delegate.id);
        if (claim.granted() && open.isEmpty()) {
            Delegation delegation = new Delegation();
            delegation.owner = owner;
            delegation.delegate = delegate;
            delegation.productClass = claim.productClass();
            delegation.grantedEventId = eventId;
            delegation.persist();
        } else if (!claim.granted()) {
            open.ifPresent(d -> d.revokedEventId = eventId);
        }
    }

    private Set<String> storedEventIds(List<PreparedEvent> events) {
        return new HashSet<>(eventQueries.storedEventIds(events.stream().map(PreparedEvent::eventId).toList()));
    }
}
