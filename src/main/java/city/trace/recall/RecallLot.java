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

    /**
     * Stores new lots of a recall, with the events already recording them, in one statement (a salt lot's recall
     * affects 10,000 lots, and identity keys would make them 10,000 round trips).
     */
    public static void insertAll(Recall recall, List<RecallLot> lots) {
        getEntityManager().createNativeQuery("insert into recall_lot (recall_id, lot_link, label, distance, owner_id, "
                + "event_id) select ?1, * from unnest(?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, recall.id)
                .setParameter(2, lots.stream().map(l -> l.lotLink).toArray(String[]::new))
                .setParameter(3, lots.stream().map(l -> l.label).toArray(String[]::new))
                .setParameter(4, lots.stream().map(l -> l.distance).toArray(Integer[]::new))
                .setParameter(5, lots.stream().map(l -> l.owner == null ? null : l.owner.id).toArray(Long[]::new))
                .setParameter(6, lots.stream().map(l -> l.eventId).toArray(Long[]::new))
                .executeUpdate();
    }

    /**
     * Notes the event that recalled these lots, in one statement (the lots in memory keep their old value: this
     * transaction does not read them again).
     */
    public static void recordedBy(long eventId, List<RecallLot> lots) {
        update("eventId = ?1 where id in ?2", eventId, lots.stream().map(l -> l.id).toList());
    }

    public static List<RecallLot> listOf(Recall recall) {
        return find("from RecallLot l left join fetch l.owner where l.recall = ?1", Sort.by("distance").and("label"), recall)
                .list();
    }
}
