package city.trace.custody;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import city.trace.epcis.EpcisEvent;
import city.trace.epcis.EventClaims;
import city.trace.org.Members;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.runtime.StartupEvent;

/**
 * Rebuilds stock and delegations from the events alone, replaying them in the order they were stored through
 * the same rules as capture: events their recorders were not entitled to record move nothing. Runs at start
 * when requested (the migration that introduced stock requests it for existing data).
 */
@ApplicationScoped
public class CustodyReplay {

    private static final Logger LOG = Logger.getLogger(CustodyReplay.class);
    private static final int PAGE = 1000;
    /**
     * One transaction replays every event, so that stock is never half rebuilt: a city of 1,000,000 events takes
     * minutes (the default timeout ended it after one).
     */
    private static final int REPLAY_TIMEOUT_SECONDS = 3600;

    @Inject
    StockLedger ledger;

    @Inject
    CustodyRecords records;

    @Inject
    ClaimChecks claimChecks;

    // before the demo data, which records through the rules and so needs stock that is up to date
    void onStart(@Observes @Priority(10) StartupEvent start) {
        if (isAskedFor()) {
            rebuild(); // its own transaction, which may take an hour
        }
    }

    /** Whether a row in custody_rebuild asks for a replay (scripts ask so after writing events themselves). */
    @Transactional
    boolean isAskedFor() {
        return ((Number) EpcisEvent.getEntityManager().createNativeQuery("select count(*) from custody_rebuild")
                .getSingleResult()).longValue() > 0;
    }

    /** Replays every stored event; returns how many moved stock or delegations. */
    @Transactional
    @TransactionConfiguration(timeout = REPLAY_TIMEOUT_SECONDS)
    public int rebuild() {
        ledger.clear();
        Delegation.deleteAll();
        Holdings holdings = Holdings.empty();
        int effective = 0;
        long after = 0;
        List<EpcisEvent> page;
        do {
            page = EpcisEvent.<EpcisEvent>find("from EpcisEvent e join fetch e.organization where e.id > ?1 order by e.id",
                    after).page(0, PAGE).list();
            effective += replay(page, Members.load(), holdings);
            after = page.isEmpty() ? after : page.getLast().id;
            // a page at a time in memory, whatever the number of events
            EpcisEvent.getEntityManager().flush();
            EpcisEvent.getEntityManager().clear();
        } while (page.size() == PAGE);
        EpcisEvent.getEntityManager().createNativeQuery("delete from custody_rebuild").executeUpdate();
        LOG.infof("Stock and delegations rebuilt from the events: %d of them moved goods or delegated", effective);
        return effective;
    }

    private int replay(List<EpcisEvent> page, Members members, Holdings holdings) {
        if (page.isEmpty()) {
            return 0;
        }
        List<EventClaims> claims = page.stream().map(e -> e.claims().orElse(null)).toList();
        // the page's stock is in memory: the records without the ledger, delegations as rebuilt so far
        Records known = records.asOf(members, claims.stream().filter(Objects::nonNull).toList(), page.get(0).id);
        RecordingRules rules = new RecordingRules(known, holdings);
        List<StockLedger.Entry> entries = new ArrayList<>();
        List<Long> allowed = new ArrayList<>();
        int effective = 0;
        for (int i = 0; i < page.size(); i++) {
            EpcisEvent event = page.get(i);
            if (claims.get(i) == null) {
                continue;
            }
            Optional<DelegationClaim> delegation = DelegationClaim.of(event.json(), event.prefixes(), claims.get(i));
            Decision decision = rules.decide(event.organization, claims.get(i), delegation);
            if (!decision.allowed()) {
                LOG.warnf("Event %s breaks %s: %s (kept, shown as a third-party claim)", event.eventId,
                        decision.firstViolation().rule().code, decision.firstViolation().detail());
                continue;
            }
            decision.movements().forEach(m -> entries.add(new StockLedger.Entry(event.id, m)));
            allowed.add(event.id);
            if (delegation.isPresent()) {
                CustodyGuard.record(event.organization, delegation.get(), event.id, members);
                // the events after it are judged with it in force (or withdrawn)
                known = known.withDelegations(Delegations.of(Delegation.listOpen()));
                rules = new RecordingRules(known, holdings);
            }
            effective += decision.movements().isEmpty() && delegation.isEmpty() ? 0 : 1;
        }
        ledger.record(entries);
        claimChecks.allowed(allowed);
        return effective;
    }
}
