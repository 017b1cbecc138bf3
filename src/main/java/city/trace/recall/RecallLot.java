package city.trace.recall;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import city.trace.org.Organization;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** A lot a recall affects: the recalled lot itself (distance 0) or one made from it, and the event recalling it. */
@Entity
public class RecallLot extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    public Recall recall;

    public String lotLink;

    public String label;

    /** Transformations (or packings) between the recalled lot and this one. */
    public int distance;

    /** The member owning the lot's GS1 company prefix; null for goods from outside the consortium. */
    @ManyToOne(fetch = FetchType.LAZY)
    public Organization owner;

    /** The database id of the EPCIS event that recalled it; null until someone entitled recorded one. */
    public Long eventId;

    public boolean isRecorded() {
        return eventId != null;
    }

    public static List<RecallLot> listOf(Recall recall) {
        return find("from RecallLot l left join fetch l.owner where l.recall = ?1", Sort.by("distance").and("label"), recall)
                .list();
    }
}
