package city.trace.anchor;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import city.trace.config.AnchorConfig;
import io.agroal.api.AgroalDataSource;

/**
 * The anchoring backlog: how many events wait for a batch, how many batches wait for the chain, and how long
 * the oldest has waited. Down when something has waited longer than {@code citytrace.anchor.stale-after}.
 */
@Readiness
@ApplicationScoped
public class AnchorHealthCheck implements HealthCheck {

    @Inject
    AgroalDataSource db;

    @Inject
    AnchorConfig config;

    @Inject
    AnchorWorker worker;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Anchoring").withData("enabled", config.enabled());
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery("""
                select (select count(*) from anchor_outbox), (select min(enqueued_at) from anchor_outbox),
                       (select count(*) from anchor_batch where status in ('PENDING', 'SUBMITTED')),
                       (select min(created_at) from anchor_batch where status in ('PENDING', 'SUBMITTED'))
                """)) {
            rs.next();
            Instant oldest = earliest(rs.getTimestamp(2), rs.getTimestamp(4));
            long waited = oldest == null ? 0 : Duration.between(oldest, Instant.now()).toSeconds();
            response.withData("backlogEvents", rs.getLong(1)).withData("batchesAwaitingChain", rs.getLong(3))
                    .withData("oldestWaitingSeconds", waited);
            if (worker.lastError() != null) {
                response.withData("lastError", worker.lastError());
            }
            return response.status(!config.enabled() || waited < config.staleAfter().toSeconds()).build();
        } catch (Exception e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }

    private static Instant earliest(Timestamp a, Timestamp b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? null : b.toInstant()) : a.toInstant();
        }
        return a.before(b) ? a.toInstant() : b.toInstant();
    }
}
