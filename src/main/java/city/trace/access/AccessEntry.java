package city.trace.access;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/**
 * One line of the access log: who searched, traced or exported what, when, and how much it returned, chained to
 * the line before by its hash. Written once, never changed (the table refuses updates and deletes).
 */
@Entity
@Table(name = "access_log")
public class AccessEntry extends PanacheEntityBase {

    /** Hash input only: never configured, so the same fields always give the same bytes. */
    private static final ObjectMapper JSON = new ObjectMapper();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Instant at;

    public String username;

    /** The member's organisation, or null for an account linked to none. */
    @Column(name = "organization_id")
    public Long organizationId;

    public String role;

    @Enumerated(EnumType.STRING)
    public AccessAction action;

    /** What was asked, as the request's path and query. */
    public String subject;

    public int resultSize;

    /** The hash of the entry before it (32 zero bytes for the first). */
    public byte[] previous;

    public byte[] hash;

    /** The members whose records the answer held. */
    @ElementCollection
    @CollectionTable(name = "access_log_organization", joinColumns = @JoinColumn(name = "entry_id"))
    @Column(name = "organization_id")
    public Set<Long> organizationIds;

    /**
     * SHA-256 of the entry's fields and its predecessor's hash, as canonical JSON (fixed member order, the
     * organisations sorted): what {@link #hash} must be, recomputed from the stored row.
     */
    public byte[] computeHash() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("at", at.toString());
        fields.put("username", username);
        fields.put("organization", organizationId);
        fields.put("role", role);
        fields.put("action", action.name());
        fields.put("subject", subject);
        fields.put("resultSize", resultSize);
        fields.put("organizations", new TreeSet<>(organizationIds));
        fields.put("previous", HexFormat.of().formatHex(previous));
        try {
            return MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsBytes(fields));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not hash an access log entry: " + e.getMessage(), e);
        }
    }

    /** The newest entries before {@code before} (all when null), newest first. */
    public static List<AccessEntry> listNewest(Long before, int size) {
        return find("id < ?1", Sort.descending("id"), before == null ? Long.MAX_VALUE : before)
                .page(Page.ofSize(size)).list();
    }

    /** The newest entries made by a member's organisation or holding its records, before {@code before}. */
    public static List<AccessEntry> listConcerning(long organizationId, Long before, int size) {
        return find("id < ?1 and (organizationId = ?2 or ?2 member of organizationIds)", Sort.descending("id"),
                before == null ? Long.MAX_VALUE : before, organizationId).page(Page.ofSize(size)).list();
    }

    /** The newest entry, whose hash the next one chains to. */
    public static AccessEntry findLast() {
        return find("order by id desc").firstResult();
    }
}
