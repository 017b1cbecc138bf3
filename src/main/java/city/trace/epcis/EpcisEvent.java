package city.trace.epcis;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import city.trace.org.Organization;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A stored EPCIS event as pages show it (the event JSON itself is read by the query interface). Events are
 * written by {@link EventStore} only, never through this entity.
 */
@Entity
public class EpcisEvent extends PanacheEntityBase {

    // the columns are jsonb, so stored values are always JSON
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> PREFIXES = new TypeReference<>() {
    };

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

    /** The event JSON as captured (read only: events are immutable). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(insertable = false, updatable = false)
    public String event;

    /** The JSON-LD prefixes of the event's document, as a JSON object. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(insertable = false, updatable = false)
    public String namespaces;

    /** The event JSON as stored. */
    public JsonNode json() {
        return parseEvent(event);
    }

    /** The prefixes its document declared (empty when none). */
    public Map<String, String> prefixes() {
        return parseNamespaces(namespaces);
    }

    /** What the stored event claims about goods, places and parties; empty when it cannot be read. */
    public Optional<EventClaims> claims() {
        try {
            return Optional.of(EventClaims.of(json(), prefixes()));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    public static JsonNode parseEvent(String eventJson) {
        try {
            return JSON.readTree(eventJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static Map<String, String> parseNamespaces(String namespacesJson) {
        try {
            return namespacesJson == null ? Map.of() : JSON.readValue(namespacesJson, PREFIXES);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("namespaces are not a JSON object of strings", e);
        }
    }

    public static Optional<EpcisEvent> findByEventId(String eventId) {
        return find("eventId", eventId).firstResultOptional();
    }

    /** Whether any event names {@code identifier} (canonical form) in any list. */
    public static boolean existsNaming(String identifier) {
        return (Boolean) getEntityManager()
                .createNativeQuery("select exists (select 1 from epcis_event_epc x where x.epc = ?1)")
                .setParameter(1, identifier).getSingleResult();
    }

    /** Events that name {@code identifier} (canonical form) in any list, oldest first. */
    @SuppressWarnings("unchecked")
    public static List<EpcisEvent> listNaming(String identifier) {
        return getEntityManager().createNativeQuery("select e.* from epcis_event e where e.id in "
                + "(select x.event_id from epcis_event_epc x where x.epc = ?1) order by e.event_time, e.id",
                EpcisEvent.class).setParameter(1, identifier).getResultList();
    }
}
