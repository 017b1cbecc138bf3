package city.trace.anchor;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;


/**
 * The anchoring backlog: how many events wait for a round, how many rounds wait for the chain, and how long
 * the oldest has waited. Down when something has waited longer than {@code citytrace.anchor.stale-after}.
 */
@Readiness
@ApplicationScoped
public class AnchorHealthCheck implements HealthCheck {

    @Inject
    Anchorings anchorings;

    @Inject
    AnchorConfig config;

    @Inject
    AnchorWorker worker;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Anchoring").withData("enabled", config.enabled());
        try {
            Anchorings.Backlog backlog = anchorings.backlog();
            long waited = backlog.oldest() == null ? 0 : Duration.between(backlog.oldest(), Instant.now()).toSeconds();
            response.withData("backlogEvents", backlog.events()).withData("roundsAwaitingChain", backlog.rounds())
                    .withData("oldestWaitingSeconds", waited);
            if (worker.lastError() != null) {
                response.withData("lastError", worker.lastError());
            }
            return response.status(!config.enabled() || waited < config.staleAfter().toSeconds()).build();
        } catch (Exception e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
