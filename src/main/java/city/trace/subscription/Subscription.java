package city.trace.subscription;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import city.trace.epcis.NamedQuery;
import city.trace.org.Organization;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A webhook subscription to a named query: the query's new events, within what the subscriber may see, are
 * sent to {@link #dest} as they are captured ({@link #stream}) or at the times of a {@link QuerySchedule}.
 */
@Entity
@Table(name = "epcis_subscription")
public class Subscription extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The subscriptionID of the REST binding. */
    public UUID subscriptionId;

    @ManyToOne(fetch = FetchType.LAZY)
    public NamedQuery namedQuery;

    /** The subscriber's organisation; null when a regulator subscribed. */
    @ManyToOne(fetch = FetchType.LAZY)
    public Organization organization;

    public String createdBy;

    public String dest;

    /** The HMAC key of the notifications' GS1-Signature; null when the subscriber gave none. */
    public String signatureToken;

    public boolean stream;

    /** The schedule's fields (JSON object); null for a stream. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String schedule;

    public boolean reportIfEmpty;

    public Instant initialRecordTime;

    /** Events stored before the subscription that are still to be matched: after this id … */
    public Long backfillAfter;

    /** … up to this one. */
    public Long backfillThrough;

    public Instant nextRunAt;

    public Instant lastRunAt;

    /** When the subscriber last acknowledged a notification. */
    public Instant lastNotifiedAt;

    public Instant createdAt;

    public static Optional<Subscription> findBySubscriptionId(UUID subscriptionId) {
        return find("subscriptionId", subscriptionId).firstResultOptional();
    }

    /** A query's subscriptions held by an organisation (null: the regulators'), after a subscriptionID, in its order. */
    public static List<Subscription> listOf(NamedQuery query, Organization holder, UUID after, int count) {
        return (holder == null
                ? find("namedQuery = ?1 and subscriptionId > ?2 and organization is null order by subscriptionId",
                        query, after)
                : find("namedQuery = ?1 and subscriptionId > ?2 and organization = ?3 order by subscriptionId",
                        query, after, holder))
                .page(0, count).list();
    }

    public static long countHeldBy(Organization holder) {
        return holder == null ? count("organization is null") : count("organization", holder);
    }

    /** Every subscription, with its query, for matching new events. */
    public static List<Subscription> listWithQueries() {
        return find("from Subscription s join fetch s.namedQuery order by s.id").list();
    }

    /** Subscriptions with events stored before them still to be matched. */
    public static List<Subscription> listBackfilling() {
        return find("from Subscription s join fetch s.namedQuery where s.backfillAfter is not null order by s.id").list();
    }

    /** Scheduled subscriptions whose time has come. */
    public static List<Subscription> listDue(Instant now) {
        return find("from Subscription s join fetch s.namedQuery where s.nextRunAt <= ?1 order by s.id", now).list();
    }
}
