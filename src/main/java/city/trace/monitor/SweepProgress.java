package city.trace.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Where the integrity sweep stands: its pass, the last event checked, and what it found. */
@Entity
@Table(name = "verification_sweep")
public class SweepProgress extends PanacheEntityBase {

    private static final short ONLY = 1;

    @Id
    public Short id;

    public int pass;

    public Instant passStartedAt;

    /** The last event (database id) checked in this pass. */
    public long position;

    public long checked;

    public long findings;

    public Instant lastPassFinishedAt;

    public Long lastPassSeconds;

    public Long lastPassChecked;

    public Instant updatedAt;

    public static SweepProgress current() {
        return findById(ONLY);
    }

    /** The progress, locked for this transaction; null while another instance holds it (it is sweeping). */
    @SuppressWarnings("unchecked")
    static SweepProgress claim() {
        List<SweepProgress> free = getEntityManager().createNativeQuery(
                "select * from verification_sweep where id = ?1 for update skip locked", SweepProgress.class)
                .setParameter(1, ONLY).getResultList();
        return free.isEmpty() ? null : free.getFirst();
    }

    void advance(long lastEventId, int checkedNow, long foundNow) {
        position = lastEventId;
        checked += checkedNow;
        findings += foundNow;
        updatedAt = Instant.now();
    }

    /** Every event was checked: the next pass starts from the first. */
    void finishPass() {
        Instant now = Instant.now();
        lastPassFinishedAt = now;
        lastPassSeconds = Duration.between(passStartedAt, now).toSeconds();
        lastPassChecked = checked;
        pass++;
        passStartedAt = now;
        position = 0;
        checked = 0;
        updatedAt = now;
    }
}
