package city.trace.anchor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;

/**
 * Anchoring's numbers at /q/metrics: the backlog of events waiting for a round, round sizes, the time from
 * capture to anchor per event, rebroadcasts and failures by reason.
 */
@Startup
@ApplicationScoped
public class AnchorMetrics {

    private static final Logger LOG = Logger.getLogger(AnchorMetrics.class);

    private final MeterRegistry registry;
    private final AgroalDataSource db;
    private final Anchorings anchorings;
    private final DistributionSummary roundSizes;
    private final Timer latency;
    private final Counter rebroadcasts;

    @Inject
    public AnchorMetrics(MeterRegistry registry, AgroalDataSource db, Anchorings anchorings) {
        this.registry = registry;
        this.db = db;
        this.anchorings = anchorings;
        Gauge.builder("citytrace.anchor.backlog", this, AnchorMetrics::backlog)
                .description("Events waiting for an anchoring round").register(registry);
        roundSizes = DistributionSummary.builder("citytrace.anchor.round.size").description("Events per anchored round")
                .publishPercentiles(0.5, 0.99).register(registry);
        latency = Timer.builder("citytrace.anchor.latency").description("From an event's capture to its anchor in a block")
                .publishPercentiles(0.5, 0.99).register(registry);
        rebroadcasts = Counter.builder("citytrace.anchor.rebroadcasts")
                .description("Anchoring transactions sent again after the node lost them").register(registry);
    }

    /** Events in the outbox, waiting for a round. */
    public long backlog() {
        try {
            return anchorings.backlog().events();
        } catch (IllegalStateException e) {
            LOG.debug("backlog unavailable", e);
            return -1;
        }
    }

    /** Records a round that reached a block: its size and each event's wait since capture. */
    void anchored(long roundId) {
        try (Connection c = db.getConnection(); PreparedStatement query = c.prepareStatement("""
                select extract(epoch from b.anchored_at - e.record_time) * 1000 from anchor_leaf l
                join epcis_event e on e.id = l.event_id join anchor_round b on b.id = l.round_id where l.round_id = ?
                """)) {
            query.setLong(1, roundId);
            int size = 0;
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    latency.record(Duration.ofMillis(Math.max(0, rs.getLong(1))));
                    size++;
                }
            }
            roundSizes.record(size);
        } catch (SQLException e) {
            LOG.debug("anchoring latency unavailable", e);
        }
    }

    void rebroadcast() {
        rebroadcasts.increment();
    }

    void failure(String reason) {
        registry.counter("citytrace.anchor.failures", "reason", reason).increment();
    }
}
