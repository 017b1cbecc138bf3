package city.trace.subscription;

import java.sql.SQLException;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import city.trace.platform.DatabaseLock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/**
 * The subscriptions' round, every {@link SubscriptionConfig#pollInterval()}: match the newly stored events, the
 * older ones subscriptions asked for, run the schedules that are due, send what is owed. One instance at a time
 * does it (a database lock), so two instances on one database never send a notification twice.
 */
@ApplicationScoped
public class SubscriptionWorker {

    private static final Logger LOG = Logger.getLogger(SubscriptionWorker.class);
    /** The session lock of a round ("citysubs"). */
    private static final long ROUND_LOCK = 0x6369747973756273L;

    @Inject
    SubscriptionMatcher matcher;

    @Inject
    WebhookSender sender;

    @Inject
    AgroalDataSource db;

    @Scheduled(every = "${citytrace.subscriptions.poll-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            work();
        } catch (RuntimeException e) {
            LOG.warnf(e, "The subscriptions' round failed; the next one tries again");
        }
    }

    /** One round; does nothing while another instance on this database is in its round. */
    public synchronized void work() {
        try {
            DatabaseLock.runAlone(db, ROUND_LOCK, this::round);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the subscriptions' lock: " + e.getMessage(), e);
        }
    }

    private void round() {
        boolean more; // a backlog is taken whole before the schedules run
        do {
            more = matcher.matchNewEvents();
        } while (more);
        matcher.backfill();
        matcher.runSchedules(Instant.now());
        sender.sendDue();
    }
}
