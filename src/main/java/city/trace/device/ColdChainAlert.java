package city.trace.device;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import city.trace.org.Organization;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A lot's breach of its cold-chain requirement, raised once, with the anchored event that records it. */
@Entity
public class ColdChainAlert extends PanacheEntityBase {

    /** What was broken: the band (above or below it) or the mean kinetic temperature. */
    public enum Kind {
        ABOVE, BELOW, MKT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The lot's canonical Digital Link. */
    public String lot;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public ColdChainRequirement rule;

    /** The lot's owner (by its GS1 company prefix), when a member. */
    @ManyToOne(fetch = FetchType.LAZY)
    public Organization owner;

    /** Who held the lot when it broke the rule: the device's organisation. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Organization holder;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Device device;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public Instant startedAt;

    public Instant breachedAt;

    public double extremeCelsius;

    public int minutes;

    /** The epcis_event row recording the breach. */
    public long eventId;

    public Instant raisedAt;

    public static boolean exists(String lot, ColdChainRequirement rule) {
        // not Panache's count, nor an entity as parameter: Hibernate would translate the query anew each time
        return !getEntityManager().createQuery("select a.id from ColdChainAlert a where a.lot = ?1 and a.rule.id = ?2",
                Long.class).setParameter(1, lot).setParameter(2, rule.id).setMaxResults(1).getResultList().isEmpty();
    }

    /** The alerts an organisation answers for, as owner or holder of the lot, newest first. */
    public static List<ColdChainAlert> listConcerning(Organization org, int limit) {
        return find("from ColdChainAlert a join fetch a.device join fetch a.rule where a.owner = ?1 or a.holder = ?1 "
                + "order by a.raisedAt desc", org).page(0, limit).list();
    }

    public static List<ColdChainAlert> listRecent(int limit) {
        return find("from ColdChainAlert a join fetch a.device join fetch a.rule order by a.raisedAt desc").page(0, limit)
                .list();
    }

    public static List<ColdChainAlert> listByLots(Collection<String> lots) {
        return lots.isEmpty() ? List.of() : find("from ColdChainAlert a join fetch a.device where a.lot in ?1 "
                + "order by a.breachedAt", lots).list();
    }
}
