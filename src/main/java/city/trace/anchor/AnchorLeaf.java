package city.trace.anchor;

import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import city.trace.anchor.merkle.InclusionProof;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An event's place in an anchored tree, with the audit path that proves it. Written by {@link BatchCutter}. */
@Entity
public class AnchorLeaf extends PanacheEntityBase {

    /** The event's database id (epcis_event.id). */
    @Id
    public Long eventId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public AnchorBatch batch;

    public int leafIndex;

    /** Sibling hashes of 32 bytes, concatenated, leaf level first. */
    public byte[] auditPath;

    public static Optional<AnchorLeaf> findByEvent(long eventId) {
        return find("from AnchorLeaf l join fetch l.batch where l.eventId = ?1", eventId).firstResultOptional();
    }

    public InclusionProof proof() {
        return InclusionProof.unpacked(leafIndex, batch.leafCount, auditPath);
    }
}
