package city.trace.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;

import org.postgresql.copy.CopyManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import city.trace.epcis.EventClaims;
import city.trace.epcis.EventFacts;
import city.trace.epcis.hash.CanonicalValues;
import city.trace.epcis.hash.EventHash;
import city.trace.epcis.hash.EventHasher;
import city.trace.epcis.hash.HashVersion;

/**
 * The rows capture writes for events (city.trace.epcis.EventStore and the anchoring outbox), as PostgreSQL COPY
 * text: the event with its Event Hash ID and pre-hash, its identifiers, its outbox entry. For benchmarks that
 * load events faster than capture can, with what capture would have stored.
 */
final class EventRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HashVersion VERSION = HashVersion.DEFAULT;

    private final EventHasher hasher = new EventHasher();
    private final CanonicalValues values = new CanonicalValues(Map.of());
    private final String recordTime;
    private final boolean anchored;
    private final StringBuilder events = new StringBuilder();
    private final StringBuilder identifiers = new StringBuilder();
    private final StringBuilder outbox = new StringBuilder();

    /** Rows whose record time is {@code recordTime} (ISO-8601); outbox entries too when {@code anchored}. */
    EventRows(String recordTime, boolean anchored) {
        this.recordTime = recordTime;
        this.anchored = anchored;
    }

    /**
     * Adds an event of {@code organizationId} under database id {@code id}, declaring no JSON-LD prefixes; its
     * eventID is its own or, as capture gives it, its Event Hash ID.
     *
     * @return the event's eventID
     */
    String add(long id, JsonNode event, long organizationId) {
        EventHash hash = hasher.hash(event, Map.of(), VERSION);
        EventClaims claims = EventClaims.of(event, values);
        EventFacts facts = EventFacts.of(event, values, claims);
        String eventId = event.path("eventID").isTextual() ? event.get("eventID").asText() : hash.hash();
        try {
            events.append(row(String.valueOf(id), eventId, facts.type(), facts.action(), facts.eventTime().toString(),
                    facts.eventTimeZoneOffset(), recordTime, facts.bizStep(), facts.disposition(), facts.readPoint(),
                    facts.bizLocation(), facts.transformationId(), hash.hash(), VERSION.label(), hash.prehash(),
                    String.valueOf(organizationId), "{}", JSON.writeValueAsString(event)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (EventFacts.Identifier identifier : claims.identifiers()) {
            identifiers.append(row(identifier.value(), identifier.role().code, String.valueOf(id)));
        }
        if (anchored) {
            outbox.append(row(String.valueOf(id), "\\x" + HexFormat.of().formatHex(EventHash.digestOf(hash.hash())),
                    String.valueOf(organizationId)));
        }
        return eventId;
    }

    /** COPYs the rows added so far (in the caller's transaction) and forgets them. */
    void copy(CopyManager copy) throws SQLException, IOException {
        copy.copyIn("copy epcis_event (id, event_id, event_type, action, event_time, event_time_zone_offset, "
                + "record_time, biz_step, disposition, read_point, biz_location, transformation_id, hash, hash_version, "
                + "prehash, organization_id, namespaces, event) from stdin", new StringReader(events.toString()));
        copy.copyIn("copy epcis_event_epc (epc, role, event_id) from stdin", new StringReader(identifiers.toString()));
        if (anchored) {
            copy.copyIn("copy anchor_outbox (event_id, digest, organization_id) from stdin", new StringReader(outbox.toString()));
        }
        events.setLength(0);
        identifiers.setLength(0);
        outbox.setLength(0);
    }

    /** Takes n ids from a table's identity sequence (COPY writes explicit values into identity columns). */
    static long reserveIds(Connection c, String table, long n) throws SQLException {
        try (var rs = c.createStatement().executeQuery("select setval(pg_get_serial_sequence('" + table + "', 'id'), "
                + "nextval(pg_get_serial_sequence('" + table + "', 'id')) + " + (n - 1) + ") - " + (n - 1))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** One row of COPY text format: tab-separated, \N for null, backslash escapes. */
    static String row(String... columns) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < columns.length; i++) {
            if (i > 0) {
                row.append('\t');
            }
            String value = columns[i];
            if (value == null) {
                row.append("\\N");
            } else {
                for (int k = 0; k < value.length(); k++) {
                    char ch = value.charAt(k);
                    switch (ch) {
                        case '\\' -> row.append("\\\\");
                        case '\t' -> row.append("\\t");
                        case '\n' -> row.append("\\n");
                        case '\r' -> row.append("\\r");
                        default -> row.append(ch);
                    }
                }
            }
        }
        return row.append('\n').toString();
    }
}
