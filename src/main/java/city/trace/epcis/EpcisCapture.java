package city.trace.epcis;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import city.trace.org.Organization;
import city.trace.web.Problem;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A capture job: one POST /epcis/capture and what became of its events. */
@Entity
public class EpcisCapture extends PanacheEntityBase {

    private static final ObjectReader PROBLEM_ERRORS = new ObjectMapper().readerForListOf(Problem.Error.class);

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

    /** What the standard allows but looks wrong, as a JSON array of {pointer, detail}; refuses nothing. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String warnings = "[]";

    /** The warnings, each with the JSON pointer of what it is about, for pages. */
    public List<Problem.Error> warningList() {
        try {
            return PROBLEM_ERRORS.readValue(warnings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a capture job's warnings are not the JSON the app wrote", e);
        }
    }

    /** The organisation's most recent jobs, newest first. */
    public static List<EpcisCapture> listRecent(Organization organization, int count) {
        return find("organization = ?1 order by id desc", organization).page(0, count).list();
    }

    public static Optional<EpcisCapture> findByCaptureId(String captureId) {
        return find("captureId", captureId).firstResultOptional();
    }
}
