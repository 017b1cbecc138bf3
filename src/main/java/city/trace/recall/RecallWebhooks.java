package city.trace.recall;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import city.trace.label.PublicConfig;
import city.trace.org.Organization;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Tells each affected member's own systems of a new recall, once it is committed: a JSON POST to the URL configured
 * for its organisation ({@link RecallConfig#webhooks()}), listing its lots. Sent in the background; a failure is
 * logged, and the recall still shows on the member's dashboard.
 */
@ApplicationScoped
public class RecallWebhooks {

    private static final Logger LOG = Logger.getLogger(RecallWebhooks.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a member's system receives. */
    public record Notice(String type, long recall, String url, String lot, String lotLabel, String reason, String severity,
            String declaredBy, String declaredAt, List<String> yourLots) {
    }

    @Inject
    RecallConfig config;

    @Inject
    PublicConfig publicConfig;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    void onRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) RecallRecorded recorded) {
        if (!recorded.declared() || config.webhooks().isEmpty()) {
            return;
        }
        // after the commit: read what was committed, in a transaction of its own
        QuarkusTransaction.requiringNew().run(() -> notifyOwners(Recall.findById(recorded.recallId())));
    }

    private void notifyOwners(Recall recall) {
        Map<Organization, List<String>> lotsByOwner = new LinkedHashMap<>();
        RecallLot.listOf(recall).stream().filter(lot -> lot.owner != null)
                .forEach(lot -> lotsByOwner.computeIfAbsent(lot.owner, owner -> new ArrayList<>()).add(lot.lotLink));
        lotsByOwner.forEach((owner, lots) -> {
            String url = config.webhooks().get(owner.code);
            if (url != null) {
                send(owner, url, new Notice("recall", recall.id, publicConfig.baseUrl() + "/recalls/" + recall.id,
                        recall.lotLink, recall.lotLabel, recall.reason, recall.severity.name(), recall.declaredBy.name,
                        recall.declaredAt.toString(), lots));
            }
        });
    }

    private void send(Organization owner, String url, Notice notice) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(notice))).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                if (failure != null || response.statusCode() >= 300) {
                    LOG.warnf("Recall #%d: the webhook of %s (%s) answered %s", notice.recall(), owner.code, url,
                            failure != null ? failure.toString() : String.valueOf(response.statusCode()));
                }
            });
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warnf("Recall #%d: no notice for %s: %s", notice.recall(), owner.code, e.getMessage());
        }
    }
}
