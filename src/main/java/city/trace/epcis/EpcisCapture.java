package city.trace.epcis;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import city.trace.org.Organization;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A capture job: one POST /epcis/capture and what became of its events. */
@Entity
public class EpcisCapture extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The public identifier in /epcis/capture/{captureId}; random, so jobs cannot be enumerated. */
    public String captureId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Organization organization;

    /** rollback or proceed (GS1-Capture-Error-Behaviour). */
    public String errorBehaviour;

    public Instant createdAt;

    public Instant finishedAt;

    public boolean running;

    public boolean success;

    public int eventCount;

    public int storedCount;

    /** RFC 9457 problem details, one per rejected event, as a JSON array. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String errors = "[]";

    public static Optional<EpcisCapture> findByCaptureId(String captureId) {
        return find("captureId", captureId).firstResultOptional();
    }
}
