package city.trace.subscription;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import com.fasterxml.jackson.databind.JsonNode;

import city.trace.epcis.NamedQuery;
import city.trace.org.Organization;
import city.trace.web.Problem;

/** Subscribes to named queries, unsubscribes, and asks again for dead letters. */
@ApplicationScoped
public class Subscriptions {

    private static final Set<String> FIELDS = Set.of("dest", "signatureToken", "stream", "schedule", "reportIfEmpty",
            "initialRecordTime");
    private static final int MAX_DEST_LENGTH = 2000;
    private static final int MAX_TOKEN_LENGTH = 256;

    @Inject
    SubscriptionConfig config;

    /**
     * Subscribes the holder to a named query.
     *
     * @param holder the subscriber's organisation, null for a regulator
     * @throws NotFoundException              when there is no such query
     * @throws SubscriptionControlsException listing every problem of the request (nothing is stored)
     */
    @Transactional
    public Subscription subscribe(String queryName, JsonNode body, Organization holder, String createdBy) {
        NamedQuery query = NamedQuery.findByName(queryName)
                .orElseThrow(() -> new NotFoundException("No query named " + queryName));
        List<Problem.Error> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw invalid(List.of(new Problem.Error("", "the body must be a JSON object with dest and either "
                    + "\"stream\": true or a schedule")));
        }
        body.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                errors.add(new Problem.Error("/" + field, field + " is not a subscription control; they are " + FIELDS));
            }
        });
        Subscription subscription = new Subscription();
        subscription.dest = dest(body.get("dest"), errors);
        subscription.signatureToken = text(body, "signatureToken", MAX_TOKEN_LENGTH, errors);
        boolean stream = flag(body, "stream", errors);
        subscription.reportIfEmpty = flag(body, "reportIfEmpty", errors);
        JsonNode schedule = body.get("schedule");
        QuerySchedule parsed = null;
        if (stream == (schedule != null)) {
            errors.add(new Problem.Error("/stream", stream ? "give either \"stream\": true or a schedule, not both"
                    : "give \"stream\": true to be sent new events as they are captured, or a schedule"));
        } else if (schedule != null) {
            parsed = schedule(schedule, errors);
        } else if (subscription.reportIfEmpty) {
            errors.add(new Problem.Error("/reportIfEmpty", "reportIfEmpty applies to scheduled subscriptions only"));
        }
        Instant now = Instant.now();
        subscription.initialRecordTime = initialRecordTime(body.get("initialRecordTime"), now, errors);
        if (Subscription.countHeldBy(holder) >= config.maxPerOrganization()) {
            errors.add(new Problem.Error("", "your organisation holds " + config.maxPerOrganization()
                    + " subscriptions, the most it may; delete one first"));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        subscription.subscriptionId = UUID.randomUUID();
        subscription.namedQuery = query;
        subscription.organization = holder;
        subscription.createdBy = createdBy;
        subscription.stream = stream;
        subscription.createdAt = now;
        if (parsed != null) {
            subscription.schedule = schedule.toString();
            subscription.nextRunAt = parsed.nextAfter(now.atZone(ZoneOffset.UTC)).toInstant();
        }
        if (subscription.initialRecordTime.isBefore(now)) {
            // events stored before now that were recorded since initialRecordTime: matched in the background
            subscription.backfillAfter = 0L;
            subscription.backfillThrough = ((Number) Subscription.getEntityManager()
                    .createNativeQuery("select coalesce(max(id), 0) from epcis_event").getSingleResult()).longValue();
        }
        subscription.persist();
        return subscription;
    }

    /** Ends a subscription; what it was owed is not sent. */
    @Transactional
    public void unsubscribe(String queryName, UUID subscriptionId, Organization holder) {
        find(queryName, subscriptionId, holder).delete();
    }

    /** Puts a subscription's dead letters back in line for delivery; returns how many. */
    @Transactional
    public int redeliver(String queryName, UUID subscriptionId, Organization holder) {
        Subscription subscription = find(queryName, subscriptionId, holder);
        return (int) Notification.update("state = ?1, attempts = 0, nextAttemptAt = ?2 where subscription = ?3 "
                + "and state = ?4", Notification.State.PENDING, Instant.now(), subscription,
                Notification.State.DEAD_LETTER);
    }

    /**
     * The holder's subscription to the named query.
     *
     * @throws NotFoundException when there is none (another's subscription is not found either)
     */
    public static Subscription find(String queryName, UUID subscriptionId, Organization holder) {
        return Subscription.findBySubscriptionId(subscriptionId)
                .filter(s -> s.namedQuery.name.equals(queryName))
                .filter(s -> Objects.equals(s.organization == null ? null : s.organization.id,
                        holder == null ? null : holder.id))
                .orElseThrow(() -> new NotFoundException("No subscription " + subscriptionId + " to query " + queryName));
    }

    private String dest(JsonNode dest, List<Problem.Error> errors) {
        if (dest == null || !dest.isTextual() || dest.asText().isBlank()) {
            errors.add(new Problem.Error("/dest", "dest, the URL to send notifications to, is required"));
            return null;
        }
        if (dest.asText().length() > MAX_DEST_LENGTH) {
            errors.add(new Problem.Error("/dest", "dest must be at most " + MAX_DEST_LENGTH + " characters"));
            return null;
        }
        try {
            return Destinations.check(dest.asText(), config.allowPrivateDestinations()).toString();
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.Error("/dest", e.getMessage()));
            return null;
        }
    }

    private static String text(JsonNode body, String field, int maxLength, List<Problem.Error> errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isEmpty() || value.asText().length() > maxLength) {
            errors.add(new Problem.Error("/" + field, field + " must be a string of 1 to " + maxLength + " characters"));
            return null;
        }
        return value.asText();
    }

    private static boolean flag(JsonNode body, String field, List<Problem.Error> errors) {
        JsonNode value = body.get(field);
        if (value != null && !value.isBoolean()) {
            errors.add(new Problem.Error("/" + field, field + " must be true or false"));
            return false;
        }
        return value != null && value.asBoolean();
    }

    private static QuerySchedule schedule(JsonNode schedule, List<Problem.Error> errors) {
        if (!schedule.isObject()) {
            errors.add(new Problem.Error("/schedule", "schedule must be an object such as {\"hour\": \"1\", "
                    + "\"minute\": \"5\"}"));
            return null;
        }
        try {
            return QuerySchedule.parse(SubscriptionQueries.fields(schedule));
        } catch (QuerySchedule.InvalidScheduleException e) {
            errors.add(new Problem.Error("/schedule", e.getMessage()));
            return null;
        }
    }

    private static Instant initialRecordTime(JsonNode value, Instant now, List<Problem.Error> errors) {
        if (value == null || value.isNull()) {
            return now;
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new Problem.Error("/initialRecordTime", "initialRecordTime must be a date-time with its offset, "
                    + "e.g. 2026-12-01T00:00:00Z"));
            return now;
        }
    }

    private static SubscriptionControlsException invalid(List<Problem.Error> errors) {
        return new SubscriptionControlsException(errors);
    }
}
