package city.trace.verify;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import city.trace.epcis.EpcisEvent;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A stored event found no longer matching what was anchored: an alert for the consortium admin until they
 * acknowledge it. Raised by {@link TamperAlerts}, once per event.
 */
@Entity
public class TamperAlert extends PanacheEntityBase {

    private static final int SHOWN = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public EpcisEvent event;

    /** What the verifier found, for people. */
    public String reason;

    public Instant detectedAt;

    public boolean acknowledged;

    /** The alerts not acknowledged yet, newest first. */
    public static List<TamperAlert> listOpen() {
        return find("from TamperAlert a join fetch a.event e left join fetch e.organization"
                + " where a.acknowledged = false order by a.detectedAt desc").page(0, SHOWN).list();
    }
}
