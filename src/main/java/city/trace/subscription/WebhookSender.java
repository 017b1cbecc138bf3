package city.trace.subscription;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Sends due notifications to the subscribers' webhooks, signed, and records each outcome: a 2xx answer delivers
 * it; anything else is tried again after a doubling wait until {@link SubscriptionConfig#maxAttempts()}, then it
 * is a dead letter. No transaction is held while a subscriber's endpoint is called.
 */
@ApplicationScoped
public class WebhookSender {

    /** The header carrying the body's HMAC-SHA256 under the subscriber's signatureToken. */
    public static final String SIGNATURE_HEADER = "GS1-Signature";

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final int ERROR_LENGTH = 1000;

    /** What a call needs, read in a transaction of its own. */
    private record Call(String dest, String signatureToken, String body) {
    }

    @Inject
    SubscriptionConfig config;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** Sends every notification that is due now; returns how many were delivered. */
    public int sendDue() {
        int delivered = 0;
        for (Long id : QuarkusTransaction.requiringNew().call(() -> Notification.headsDue(Instant.now(), 100))) {
            Call call = QuarkusTransaction.requiringNew().call(() -> {
                Notification n = Notification.findById(id);
                return new Call(n.subscription.dest, n.subscription.signatureToken, n.body);
            });
            String failure = send(call);
            QuarkusTransaction.requiringNew().run(() -> record(Notification.findById(id), failure));
            delivered += failure == null ? 1 : 0;
        }
        return delivered;
    }

    /** The value of {@link #SIGNATURE_HEADER}: {@code sha256=} and the hex HMAC-SHA256 of the body. */
    public static String signature(String signatureToken, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signatureToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** Calls the webhook; null when it acknowledged, else what went wrong. */
    private String send(Call call) {
        try {
            URI dest = Destinations.check(call.dest(), config.allowPrivateDestinations());
            HttpRequest.Builder request = HttpRequest.newBuilder(dest).timeout(config.timeout())
                    .header("Content-Type", "application/json").header("GS1-EPCIS-Version", "2.0.0")
                    .POST(HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
            if (call.signatureToken() != null) {
                request.header(SIGNATURE_HEADER, signature(call.signatureToken(), call.body()));
            }
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? null : "the webhook answered HTTP " + status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while calling the webhook";
        } catch (Exception e) {
            return "the webhook could not be called: " + e;
        }
    }

    private void record(Notification notification, String failure) {
        Instant now = Instant.now();
        notification.attempts++;
        if (failure == null) {
            notification.state = Notification.State.DELIVERED;
            notification.deliveredAt = now;
            notification.lastError = null;
            notification.subscription.lastNotifiedAt = now;
            return;
        }
        notification.lastError = failure.length() > ERROR_LENGTH ? failure.substring(0, ERROR_LENGTH) : failure;
        if (notification.attempts >= config.maxAttempts()) {
            notification.state = Notification.State.DEAD_LETTER;
            LOG.warnf("Subscription %s: notification %d is a dead letter after %d attempts: %s",
                    notification.subscription.subscriptionId, notification.id, notification.attempts, failure);
        } else {
            notification.nextAttemptAt = now.plus(backoff(notification.attempts));
        }
    }

    /** The wait after the n-th failed attempt: the first wait, doubled per further failure, up to the longest. */
    private Duration backoff(int failures) {
        Duration wait = config.retryBackoff().multipliedBy(1L << Math.min(failures - 1, 20));
        return wait.compareTo(config.maxRetryBackoff()) > 0 ? config.maxRetryBackoff() : wait;
    }
}
