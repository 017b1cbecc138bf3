package city.trace.subscription;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One POST owed to a subscriber: an EPCISQueryDocument of the events it has not yet been sent, kept until the
 * subscriber acknowledges it (2xx) or it runs out of attempts and becomes a dead letter.
 */
@Entity
@Table(name = "epcis_notification")
public class Notification extends PanacheEntityBase {

    /** Where a notification is in its delivery. */
    public enum State {
        PENDING, DELIVERED, DEAD_LETTER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    public Subscription subscription;

    /** The document exactly as sent (and signed). */
    public String body;

    public int eventCount;

    @Enumerated(EnumType.STRING)
    public State state;

    public int attempts;

    public Instant nextAttemptAt;

    public String lastError;

    public Instant createdAt;

    public Instant deliveredAt;

    /**
     * The notifications to send now: of each subscription the oldest pending one, when its time has come, so a
     * subscriber receives its notifications in order and a failing endpoint holds up only its own.
     */
    @SuppressWarnings("unchecked")
    public static List<Long> headsDue(Instant now, int count) {
        return getEntityManager().createNativeQuery("""
                select id from (select distinct on (subscription_id) id, next_attempt_at from epcis_notification
                                where state = 'PENDING' order by subscription_id, id) head
                where next_attempt_at <= ?1 order by id limit ?2""", Long.class)
                .setParameter(1, now).setParameter(2, count).getResultList();
    }

    public static long countIn(Subscription subscription, State state) {
        return count("subscription = ?1 and state = ?2", subscription, state);
    }

    /** A subscription's dead letters, oldest first. */
    public static List<Notification> deadLetters(Subscription subscription, int count) {
        return find("subscription = ?1 and state = ?2 order by id", subscription, State.DEAD_LETTER).page(0, count).list();
    }

    /** The subscription's last failed attempt's error, if its last notification failed. */
    public static Notification lastFailed(Subscription subscription) {
        return find("subscription = ?1 and lastError is not null order by id desc", subscription).firstResult();
    }
}
