package city.trace.recall;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
import io.quarkus.panache.common.Sort;

/**
 * A lot declared unsafe, by a regulator or its maker, with every lot made from it ({@link RecallLot}). Closing a
 * recall ends the campaign; its lots stay recalled and its history stays.
 */
@Entity
public class Recall extends PanacheEntityBase {

    /** How dangerous the lot is, in the classes food-safety offices use. */
    public enum Severity {
        CLASS_I("Class I: can cause serious illness or death"),
        CLASS_II("Class II: can cause temporary or reversible illness"),
        CLASS_III("Class III: unlikely to cause illness, but breaks food law");

        public final String label;

        Severity(String label) {
            this.label = label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The recalled lot's canonical Digital Link. */
    public String lotLink;

    public String lotLabel;

    public String reason;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    @ManyToOne(fetch = FetchType.LAZY)
    public Organization declaredBy;

    public String declaredByUser;

    public Instant declaredAt;

    public Instant closedAt;

    public String closedByUser;

    public String closingNote;

    public boolean isOpen() {
        return closedAt == null;
    }

    /** Every recall, open ones first, newest first: what a regulator follows. */
    public static List<Recall> listAll() {
        return find("from Recall r join fetch r.declaredBy order by case when r.closedAt is null then 0 else 1 end, r.declaredAt desc").list();
    }

    /** The recalls that concern an organisation: declared by it, or affecting one of its lots. */
    public static List<Recall> listConcerning(Organization org) {
        return find("from Recall r join fetch r.declaredBy where r.declaredBy = ?1 or exists (from RecallLot l "
                + "where l.recall = r and l.owner = ?1) order by case when r.closedAt is null then 0 else 1 end, r.declaredAt desc", org).list();
    }

    /** The open recall of a lot (its canonical Digital Link), if it has one. */
    public static Optional<Recall> findOpenOf(String lotLink) {
        return find("lotLink = ?1 and closedAt is null", lotLink).firstResultOptional();
    }

    public static List<Recall> listOpen() {
        return list("closedAt is null", Sort.descending("declaredAt"));
    }
}
