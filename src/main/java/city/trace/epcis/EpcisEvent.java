package city.trace.epcis;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import city.trace.org.Organization;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A stored EPCIS event as pages show it (the event JSON itself is read by the query interface). Events are
 * written by {@link EventStore} only, never through this entity.
 */
@Entity
public class EpcisEvent extends PanacheEntityBase {

    @Id
    public Long id;

    public String eventId;

    public String eventType;

    public String action;

    public Instant eventTime;

    public String eventTimeZoneOffset;

    public Instant recordTime;

    /** Full CBV URI, e.g. https://ref.gs1.org/cbv/BizStep-shipping. */
    public String bizStep;

    public String disposition;

    public String readPoint;

    public String bizLocation;

    public String hash;

    public String hashVersion;

    public String prehash;

    @ManyToOne(fetch = FetchType.LAZY)
    public Organization organization;

    public static java.util.Optional<EpcisEvent> findByEventId(String eventId) {
        return find("eventId", eventId).firstResultOptional();
    }

    /** Events that name {@code identifier} (canonical form) in any list, oldest first. */
    @SuppressWarnings("unchecked")
    public static List<EpcisEvent> listNaming(String identifier) {
        return getEntityManager().createNativeQuery("select e.* from epcis_event e where e.id in "
                + "(select x.event_id from epcis_event_epc x where x.epc = ?1) order by e.event_time, e.id",
                EpcisEvent.class).setParameter(1, identifier).getResultList();
    }
}
