package city.trace.epcis;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.Map;
import java.util.stream.Collectors;
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

import city.trace.epcis.hash.CanonicalValues;
import city.trace.epcis.hash.Vocabulary;
import city.trace.org.Organization;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A stored EPCIS event as pages show it (the event JSON itself is read by the query interface). Events are
 * written by {@link EventStore} only, never through this entity.
 */
@Entity
public class EpcisEvent extends PanacheEntityBase {

    /**
     * The roles of the identifiers' index rows a journey reads ({@link #listNamingUpstream}): all but an input's, for
     * what was made from an identifier is downstream of it. A reader that checks a journey's events are still the
     * same must ask with the same condition.
     */
    public static final String JOURNEY_ROLES = "role not in ('input', 'input_class')";

    // the columns are jsonb, so stored values are always JSON
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NO_NAMESPACES = "{}";
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

    /** The short name of its business step: https://ref.gs1.org/cbv/BizStep-shipping is shipping; null when none. */
    public String bizStepTerm() {
        return Vocabulary.bareTerm(bizStep);
    }

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
            return claims(json(), prefixes());
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** The same of an event already parsed ({@code json}, with its {@code prefixes}): no second parse. */
    public static Optional<EventClaims> claims(JsonNode json, Map<String, String> prefixes) {
        try {
            return Optional.of(EventClaims.of(json, prefixes));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * The first column (as pages show it) that says otherwise than the stored event itself ({@code json}, as parsed
     * from this row with its {@code prefixes}, and its {@code claims}), if any: the columns are derived from the event
     * when it is stored, and only the event is hashed and anchored.
     */
    public Optional<String> columnDisagreeing(JsonNode json, Map<String, String> prefixes, EventClaims claims) {
        EventFacts facts;
        try {
            facts = EventFacts.of(json, new CanonicalValues(prefixes), claims);
        } catch (RuntimeException unreadable) {
            return Optional.empty(); // an event that cannot be read is the verifier's TAMPERED already
        }
        Map<String, Boolean> agree = new LinkedHashMap<>();
        agree.put("event_type", Objects.equals(facts.type(), eventType));
        agree.put("action", Objects.equals(facts.action(), action));
        // the column holds microseconds
        agree.put("event_time", eventTime != null
                && Math.abs(Duration.between(facts.eventTime(), eventTime).toNanos()) < 1_000);
        agree.put("event_time_zone_offset", Objects.equals(facts.eventTimeZoneOffset(), eventTimeZoneOffset));
        agree.put("biz_step", Objects.equals(facts.bizStep(), bizStep));
        agree.put("disposition", Objects.equals(facts.disposition(), disposition));
        agree.put("read_point", Objects.equals(facts.readPoint(), readPoint));
        agree.put("biz_location", Objects.equals(facts.bizLocation(), bizLocation));
        return agree.entrySet().stream().filter(column -> !column.getValue()).map(Map.Entry::getKey).findFirst();
    }

    public static JsonNode parseEvent(String eventJson) {
        try {
            return JSON.readTree(eventJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static Map<String, String> parseNamespaces(String namespacesJson) {
        // most events declare none: no parser made for each of them
        if (namespacesJson == null || namespacesJson.equals(NO_NAMESPACES)) {
            return Map.of();
        }
        try {
            return JSON.readValue(namespacesJson, PREFIXES);
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

    /**
     * The events naming {@code identifier} or anything it may have been made from: the inputs of transformations
     * that output it, their inputs' inputs, up to {@code maxDepth} transformations upstream (a superset of a
     * journey, read at once). By identifier (canonical form), the events naming it, oldest first. Not those naming
     * an identifier only as an input: what was made from it is downstream, none of a journey, and a salt lot in
     * 10,000 bread lots would have each bread lot's page read 10,000 transformations to set them aside.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, List<EpcisEvent>> listNamingUpstream(String identifier, int maxDepth) {
        List<Object[]> naming = getEntityManager().createNativeQuery("""
                with recursive upstream(epc, depth) as (
                    select cast(?1 as text) collate "C", 0
                  union
                    select i.epc, u.depth + 1 from upstream u
                    join epcis_event_epc o on o.epc = u.epc and o.role in ('output', 'output_class')
                    join epcis_event_epc i on i.event_id = o.event_id and i.role in ('input', 'input_class')
                    where u.depth < ?2)
                select distinct x.epc, x.event_id from epcis_event_epc x where x.epc in (select epc from upstream)
                  and x.%s""".formatted(JOURNEY_ROLES))
                .setParameter(1, identifier).setParameter(2, maxDepth).getResultList();
        Map<Long, EpcisEvent> events = new HashMap<>();
        if (!naming.isEmpty()) {
            // native, with one array parameter: an HQL "in" list is translated anew for every length
            Long[] ids = naming.stream().map(row -> ((Number) row[1]).longValue()).distinct().toArray(Long[]::new);
            ((List<EpcisEvent>) getEntityManager().createNativeQuery("select * from epcis_event where id = any(?1)",
                    EpcisEvent.class).setParameter(1, ids).getResultList()).forEach(event -> events.put(event.id, event));
        }
        Comparator<EpcisEvent> oldestFirst = Comparator.comparing((EpcisEvent e) -> e.eventTime).thenComparing(e -> e.id);
        return naming.stream().collect(Collectors.groupingBy(row -> (String) row[0], Collectors.collectingAndThen(
                Collectors.mapping(row -> events.get(((Number) row[1]).longValue()), Collectors.toList()),
                list -> list.stream().sorted(oldestFirst).toList())));
    }

    /** The events naming any of {@code identifiers} (canonical form) in one of these roles, oldest first. */
    @SuppressWarnings("unchecked")
    public static List<EpcisEvent> listNamingAny(Collection<String> identifiers, Collection<IdentifierRole> roles) {
        // the primary key (epc, role, event_id) finds each identifier's rows of each role
        return getEntityManager().createNativeQuery("select e.* from epcis_event e where e.id in "
                + "(select x.event_id from epcis_event_epc x where x.epc = any(?1) and x.role = any(?2)) "
                + "order by e.event_time, e.id", EpcisEvent.class).setParameter(1, identifiers.toArray(String[]::new))
                .setParameter(2, roles.stream().map(role -> role.code).toArray(String[]::new)).getResultList();
    }

    /** Events that name {@code identifier} (canonical form) in any list, oldest first. */
    @SuppressWarnings("unchecked")
    public static List<EpcisEvent> listNaming(String identifier) {
        return getEntityManager().createNativeQuery("select e.* from epcis_event e where e.id in "
                + "(select x.event_id from epcis_event_epc x where x.epc = ?1) order by e.event_time, e.id",
                EpcisEvent.class).setParameter(1, identifier).getResultList();
    }

    /** The events with these database ids, in no particular order. */
    public static List<EpcisEvent> listByIds(Collection<Long> ids) {
        return list("id in ?1", ids);
    }

    /** The events with these IDs, oldest first: a page of an export. */
    @SuppressWarnings("unchecked")
    public static List<EpcisEvent> listByEventIds(Collection<String> eventIds) {
        return getEntityManager().createNativeQuery("select e.* from epcis_event e where e.event_id = any(?1) "
                + "order by e.event_time, e.id", EpcisEvent.class)
                .setParameter(1, eventIds.toArray(String[]::new)).getResultList();
    }

    /** The distinct JSON-LD namespace declarations (JSON objects) of the events with these IDs. */
    @SuppressWarnings("unchecked")
    public static List<String> namespacesOf(Collection<String> eventIds) {
        return getEntityManager().createNativeQuery("select distinct cast(e.namespaces as text) from epcis_event e "
                + "where e.event_id = any(?1) and e.namespaces is not null", String.class)
                .setParameter(1, eventIds.toArray(String[]::new)).getResultList();
    }
}
