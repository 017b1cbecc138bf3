package city.trace.subscription;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import city.trace.epcis.EpcisDocuments;
import city.trace.epcis.EventQuery;
import city.trace.epcis.EventQueryRepository;
import city.trace.epcis.EventsStored;
import city.trace.epcis.QueryScope;
import io.agroal.api.AgroalDataSource;

/**
 * Decides which events each subscription is sent. Every stored event enters the inbox in its storing transaction
 * and leaves it in the transaction that matches it against every subscription; an event is marked as given to a
 * subscription at most once; so whatever restarts, no event is lost or sent twice.
 */
@ApplicationScoped
public class SubscriptionMatcher {

    /** Events matched in one transaction. */
    private static final int BATCH = 1000;

    @Inject
    AgroalDataSource db;

    @Inject
    EventQueryRepository events;

    @Inject
    SubscriptionQueries queries;

    @Inject
    SubscriptionConfig config;

    void enqueue(@Observes EventsStored stored) {
        if (stored.eventIds().length == 0) {
            return;
        }
        try (Connection c = db.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into epcis_subscription_inbox (event_id) select unnest(?::bigint[])")) {
            insert.setArray(1, c.createArrayOf("bigint", Arrays.stream(stored.eventIds()).boxed().toArray()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not enqueue events for the subscriptions: " + e.getMessage(), e);
        }
    }

    /**
     * Matches the oldest events of the inbox against every subscription: a streaming one gets a notification of
     * its matches now, a scheduled one keeps them for its next run.
     *
     * @return whether more events may wait in the inbox
     */
    @Transactional
    public boolean matchNewEvents() {
        List<Long> inbox = takeFromInbox();
        if (inbox.isEmpty()) {
            return false;
        }
        // listed after the events were taken: a subscription made meanwhile sees them too, none misses them
        for (Subscription subscription : Subscription.listWithQueries()) {
            EventQueryRepository.Page matched = find(subscription, queries.of(subscription).among(inbox));
            List<Long> given = mark(subscription, matched.ids());
            if (subscription.stream) {
                notify(subscription, given);
            }
        }
        return inbox.size() == BATCH;
    }

    /** Matches one more batch of the events stored before each subscription that asked for them. */
    @Transactional
    public void backfill() {
        for (Subscription subscription : Subscription.listBackfilling()) {
            EventQuery query = queries.of(subscription).recordedSince(subscription.initialRecordTime)
                    .window(subscription.backfillAfter, subscription.backfillThrough, BATCH);
            EventQueryRepository.Page matched = find(subscription, query);
            List<Long> given = mark(subscription, matched.ids());
            if (subscription.stream) {
                notify(subscription, given);
            }
            if (matched.nextPageToken() == null) {
                subscription.backfillAfter = null;
                subscription.backfillThrough = null;
            } else {
                subscription.backfillAfter = matched.ids().getLast();
            }
        }
    }

    /** Runs the scheduled subscriptions whose time has come: each gets what matched since its last run. */
    @Transactional
    public void runSchedules(Instant now) {
        for (Subscription subscription : Subscription.listDue(now)) {
            List<Long> waiting = waiting(subscription);
            if (!waiting.isEmpty() || subscription.reportIfEmpty) {
                notify(subscription, waiting);
            }
            subscription.lastRunAt = now;
            subscription.nextRunAt = queries.schedule(subscription).nextAfter(now.atZone(ZoneOffset.UTC)).toInstant();
        }
    }

    private EventQueryRepository.Page find(Subscription subscription, EventQuery query) {
        return events.find(query, QueryScope.of(subscription.organization), Map.of());
    }

    /** Writes the notifications of these events (one per {@code eventsPerNotification}; one empty if none). */
    private void notify(Subscription subscription, List<Long> eventIds) {
        if (eventIds.isEmpty() && subscription.stream) {
            return;
        }
        int size = config.eventsPerNotification();
        for (int from = 0; from < Math.max(eventIds.size(), 1); from += size) {
            List<Long> part = eventIds.subList(from, Math.min(eventIds.size(), from + size));
            EventQueryRepository.Page page = part.isEmpty()
                    ? new EventQueryRepository.Page(List.of(), List.of(), List.of(), null)
                    : find(subscription, queries.of(subscription).among(part));
            Notification notification = new Notification();
            notification.subscription = subscription;
            notification.body = EpcisDocuments.queryDocument(page.events(), page.namespaces(),
                    subscription.namedQuery.name, subscription.subscriptionId.toString());
            notification.eventCount = page.events().size();
            notification.state = Notification.State.PENDING;
            notification.createdAt = Instant.now();
            notification.nextAttemptAt = notification.createdAt;
            notification.persist();
            notification.flush();
            execute("update epcis_subscription_event set notification_id = ? where subscription_id = ? "
                    + "and event_id = any(?::bigint[])", notification.id, subscription.id, part);
        }
    }

    private List<Long> takeFromInbox() {
        List<Long> taken = longs("select event_id from epcis_subscription_inbox order by event_id limit ? "
                + "for update skip locked", BATCH);
        execute("delete from epcis_subscription_inbox where event_id = any(?::bigint[])", taken);
        return taken;
    }

    /** Marks the events as the subscription's; those it had already are left out of the answer. */
    private List<Long> mark(Subscription subscription, List<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return eventIds;
        }
        return longs("insert into epcis_subscription_event (subscription_id, event_id) "
                + "select ?, unnest(?::bigint[]) on conflict do nothing returning event_id", subscription.id, eventIds);
    }

    private List<Long> waiting(Subscription subscription) {
        return longs("select event_id from epcis_subscription_event where subscription_id = ? "
                + "and notification_id is null order by event_id", subscription.id);
    }

    private List<Long> longs(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement statement = prepare(c, sql, args);
                ResultSet rs = statement.executeQuery()) {
            List<Long> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
            values.sort(null);
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("Subscription matching failed: " + e.getMessage(), e);
        }
    }

    private void execute(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement statement = prepare(c, sql, args)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Subscription matching failed: " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        EventQueryRepository.planEachTime(statement);
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof List<?> list) {
                statement.setArray(i + 1, c.createArrayOf("bigint", list.toArray()));
            } else {
                statement.setObject(i + 1, args[i]);
            }
        }
        return statement;
    }
}
