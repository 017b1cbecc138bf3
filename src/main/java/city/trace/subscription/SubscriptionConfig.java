package city.trace.subscription;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Query subscriptions: matching new events, delivering notifications to subscribers' webhooks. */
@ConfigMapping(prefix = "citytrace.subscriptions")
public interface SubscriptionConfig {

    /** How often new events are matched, schedules run and due notifications are sent. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Most events in one notification; more go in several, in order. */
    @WithDefault("500")
    int eventsPerNotification();

    /** Attempts at one notification before it becomes a dead letter (the subscriber may ask for it again). */
    @WithDefault("8")
    int maxAttempts();

    /** Wait after the first failed attempt; doubled after each further one. */
    @WithDefault("5s")
    Duration retryBackoff();

    /** Longest wait between two attempts. */
    @WithDefault("15m")
    Duration maxRetryBackoff();

    /** How long a subscriber's endpoint has to answer. */
    @WithDefault("10s")
    Duration timeout();

    /** Most subscriptions one organisation (or the regulators together) may hold. */
    @WithDefault("100")
    int maxPerOrganization();

    /**
     * Whether webhooks may point at loopback, private or link-local addresses. Off in production, so a member cannot
     * make the server call the services beside it; dev and tests receive webhooks on localhost.
     */
    @WithDefault("false")
    boolean allowPrivateDestinations();
}
