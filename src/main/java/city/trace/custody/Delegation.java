package city.trace.custody;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import city.trace.org.Organization;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A product's owner lets another member record its lots (a contract manufacturer, a packer): granted and
 * revoked by events the owner records, so each delegation is anchored like any event.
 */
@Entity
public class Delegation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Organization owner;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Organization delegate;

    /** https://id.gs1.org/01/{gtin} */
    public String productClass;

    /** The database id of the event that granted it. */
    public Long grantedEventId;

    /** The database id of the event that revoked it, if revoked. */
    public Long revokedEventId;

    /** The delegations in force now. */
    public static List<Delegation> listOpen() {
        return list("from Delegation d join fetch d.delegate where d.revokedEventId is null");
    }

    /** Every delegation ever granted, withdrawn or not: the history verification judges against. */
    public static List<Delegation> listEver() {
        return list("from Delegation d join fetch d.delegate order by d.id");
    }

    /** Whether it was in force just before event {@code eventId} was stored. */
    public boolean inForceBefore(long eventId) {
        return grantedEventId < eventId && (revokedEventId == null || revokedEventId > eventId);
    }

    /** A product's delegations in force, for its owner's page. */
    public static List<Delegation> listOpenFor(String productClass) {
        return list("from Delegation d join fetch d.delegate where d.productClass = ?1 and d.revokedEventId is null "
                + "order by d.id", productClass);
    }

    public static Optional<Delegation> findOpen(String productClass, long delegateId) {
        return find("productClass = ?1 and delegate.id = ?2 and revokedEventId is null", productClass, delegateId)
                .firstResultOptional();
    }
}
