package city.trace.monitor;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.function.ToDoubleFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import city.trace.epcis.EpcisEvent;
import city.trace.epcis.EventFacts;
import city.trace.epcis.EventQueryRepository;
import city.trace.proof.Outcome;
import city.trace.verify.TamperAlerts;
import city.trace.verify.Verifier;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/**
 * The integrity sweep: re-verifies every stored event against its anchored root with the one verifier, page by
 * page, pass after pass, like a Certificate Transparency monitor, so a record edited behind the app's back is
 * found (and alerted to the consortium admin) even when nobody opens its page. Resumable: its progress is a row.
 */
@ApplicationScoped
@Startup
public class Sweep {

    private static final Logger LOG = Logger.getLogger(Sweep.class);

    /** Skips scheduled steps when this instance does not sweep. */
    @ApplicationScoped
    public static class Disabled implements Scheduled.SkipPredicate {
        @Inject
        MonitorConfig config;

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.sweepEnabled();
        }
    }

    @Inject
    MonitorConfig config;

    @Inject
    Verifier verifier;

    @Inject
    EventQueryRepository eventQueries;

    @Inject
    TamperAlerts alerts;

    @Inject
    Sweep(MeterRegistry registry) {
        gauge(registry, "citytrace.sweep.pass", "The integrity sweep's current pass", p -> p.pass);
        gauge(registry, "citytrace.sweep.position", "The last event id the sweep checked in this pass", p -> p.position);
        gauge(registry, "citytrace.sweep.checked", "Events the sweep checked in this pass", p -> p.checked);
        gauge(registry, "citytrace.sweep.findings", "Events the sweep found tampered or not on the chain", p -> p.findings);
    }

    @Scheduled(every = "${citytrace.monitor.sweep-every:1s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    void scheduled() {
        try {
            step();
        } catch (RuntimeException e) {
            LOG.warnf("The integrity sweep could not check its next events: %s", e.getMessage());
        }
    }

    /**
     * Checks the next page of events. Events not anchored yet wait for the next pass; while the chain node cannot
     * be asked, the sweep stays where it is.
     *
     * @return how many events it checked (0 when another instance is sweeping or the node is unreachable)
     */
    @Transactional
    public int step() {
        SweepProgress progress = SweepProgress.claim();
        if (progress == null) {
            return 0;
        }
        List<EpcisEvent> page = EpcisEvent.find("id > ?1 order by id", progress.position).page(0, config.sweepPageSize())
                .list();
        if (page.isEmpty()) {
            progress.finishPass();
            return 0;
        }
        Map<Long, Verifier.Verified> verified = verifier.verify(page);
        if (verified.values().stream().anyMatch(v -> v.verification().outcome() == Outcome.UNREACHABLE)) {
            return 0;
        }
        long found = verified.values().stream().filter(v -> v.verification().isTampered()).count()
                + misindexed(verified.values());
        progress.advance(page.getLast().id, page.size(), found);
        return page.size();
    }

    /**
     * How many of these events (those not found tampered) the identifiers' index lists otherwise than they name
     * their goods, each alerted: pages and traces find events through the index, so a row deleted from it hides an
     * event from a lot's page, which no page can notice.
     */
    private long misindexed(Collection<Verifier.Verified> verified) {
        Map<Long, Set<String>> indexed = eventQueries.indexedIdentifiers(verified.stream().map(v -> v.event().id).toList());
        long found = 0;
        for (Verifier.Verified v : verified) {
            Set<String> named = v.verification().isTampered() || v.claims() == null ? null : v.claims().identifiers()
                    .stream().map(EventFacts.Identifier::indexed).collect(Collectors.toSet());
            Set<String> listed = indexed.getOrDefault(v.event().id, Set.of());
            if (named != null && !named.equals(listed)) {
                alerts.raise(v.event().id, "the identifiers' index does not list what the event names (missing: "
                        + without(named, listed) + "; not named: " + without(listed, named) + ")");
                found++;
            }
        }
        return found;
    }

    /** What {@code these} hold that {@code those} do not, sorted, or "none". */
    private static String without(Set<String> these, Set<String> those) {
        Set<String> left = new TreeSet<>(these);
        left.removeAll(those);
        return left.isEmpty() ? "none" : String.join(", ", left);
    }

    private static void gauge(MeterRegistry registry, String name, String description,
            ToDoubleFunction<SweepProgress> value) {
        Gauge.builder(name, () -> QuarkusTransaction.requiringNew().call(() -> value.applyAsDouble(SweepProgress.current())))
                .description(description).register(registry);
    }
}
