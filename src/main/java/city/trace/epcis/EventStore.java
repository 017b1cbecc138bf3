package city.trace.epcis;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.agroal.api.AgroalDataSource;

/**
 * Writes events in bulk: one statement for the events and one for their identifiers, whatever the number
 * of events (arrays unnested server-side), inside the caller's transaction. An eventID that is already
 * stored is not stored again; if it was stored for a different event (another hash), that is a conflict.
 */
@ApplicationScoped
public class EventStore {

    /** What became of each prepared event, by its position in the list given. */
    public record Outcome(long[] ids, List<Integer> duplicates, List<Integer> conflicts) {

        public int storedCount() {
            int stored = 0;
            for (long id : ids) {
                stored += id > 0 ? 1 : 0;
            }
            return stored;
        }
    }

    // The rows travel as one JSON array: PostgreSQL parses each event once, straight into jsonb.
    private static final String INSERT_EVENTS = """
            insert into epcis_event (event_id, event_type, action, event_time, event_time_zone_offset, record_time,
                biz_step, disposition, read_point, biz_location, transformation_id, hash, hash_version, prehash,
                organization_id, capture_id, namespaces, event)
            select e.event_id, e.event_type, e.action, e.event_time, e.tz, ?, e.biz_step, e.disposition, e.read_point,
                e.biz_location, e.transformation_id, e.hash, e.hash_version, e.prehash, ?, ?, e.namespaces, e.event
            from jsonb_to_recordset(?::jsonb) as e(event_id text, event_type text, action text, event_time timestamptz,
                tz text, biz_step text, disposition text, read_point text, biz_location text, transformation_id text,
                hash text, hash_version text, prehash text, namespaces jsonb, event jsonb)
            on conflict (event_id) do nothing
            returning id, event_id
            """;
    private static final String INSERT_IDENTIFIERS = """
            insert into epcis_event_epc (epc, role, event_id)
            select * from unnest(?::text[], ?::text[], ?::bigint[])
            on conflict do nothing
            """;
    private static final String STORED_HASHES = "select event_id, hash from epcis_event where event_id = any(?)";

    @Inject
    AgroalDataSource db;

    @Inject
    ObjectMapper json;

    @Inject
    Event<EventsStored> stored;

    /** Stores the events (joining the caller's transaction) with {@code recordTime} as their record time. */
    @Transactional
    public Outcome store(List<PreparedEvent> events, long organizationId, Long captureId, Instant recordTime) {
        try (Connection c = db.getConnection()) {
            Map<String, Long> inserted = insertEvents(c, events, organizationId, captureId, recordTime);
            long[] ids = new long[events.size()];
            List<Integer> notInserted = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                // the first of two events with one eventID in a document takes it
                Long id = inserted.remove(events.get(i).eventId());
                if (id != null) {
                    ids[i] = id;
                } else {
                    notInserted.add(i);
                }
            }
            insertIdentifiers(c, events, ids);
            Outcome outcome = classify(c, events, ids, notInserted);
            List<Integer> storedNow = java.util.stream.IntStream.range(0, ids.length).filter(i -> ids[i] > 0).boxed().toList();
            stored.fire(new EventsStored(organizationId, storedNow.stream().mapToLong(i -> ids[i]).toArray(),
                    storedNow.stream().map(i -> events.get(i).hash().hash()).toArray(String[]::new)));
            return outcome;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store EPCIS events: " + e.getMessage(), e);
        }
    }

    private Map<String, Long> insertEvents(Connection c, List<PreparedEvent> events, long organizationId,
            Long captureId, Instant recordTime) throws SQLException {
        ArrayNode rows = json.createArrayNode();
        for (PreparedEvent e : events) {
            EventFacts f = e.facts();
            ObjectNode row = rows.addObject().put("event_id", e.eventId()).put("event_type", f.type())
                    .put("action", f.action()).put("event_time", f.eventTime().toString())
                    .put("tz", f.eventTimeZoneOffset()).put("biz_step", f.bizStep()).put("disposition", f.disposition())
                    .put("read_point", f.readPoint()).put("biz_location", f.bizLocation())
                    .put("transformation_id", f.transformationId()).put("hash", e.hash().hash())
                    .put("hash_version", e.hashVersion().label()).put("prehash", e.hash().prehash());
            row.set("namespaces", json.valueToTree(e.namespaces()));
            row.set("event", e.event());
        }
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement insert = c.prepareStatement(INSERT_EVENTS)) {
            insert.setTimestamp(1, Timestamp.from(recordTime));
            insert.setLong(2, organizationId);
            if (captureId == null) {
                insert.setNull(3, java.sql.Types.BIGINT);
            } else {
                insert.setLong(3, captureId);
            }
            insert.setString(4, json.writeValueAsString(rows));
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(2), rs.getLong(1));
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    private static void insertIdentifiers(Connection c, List<PreparedEvent> events, long[] ids) throws SQLException {
        List<String> values = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        List<Long> eventIds = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (ids[i] > 0) {
                for (EventFacts.Identifier id : events.get(i).claims().identifiers()) {
                    values.add(id.value());
                    roles.add(id.role().code);
                    eventIds.add(ids[i]);
                }
            }
        }
        if (values.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(INSERT_IDENTIFIERS)) {
            insert.setArray(1, c.createArrayOf("text", values.toArray()));
            insert.setArray(2, c.createArrayOf("text", roles.toArray()));
            insert.setArray(3, c.createArrayOf("bigint", eventIds.toArray()));
            insert.executeUpdate();
        }
    }

    /** Events not inserted are duplicates when the stored event has the same hash, conflicts otherwise. */
    private static Outcome classify(Connection c, List<PreparedEvent> events, long[] ids, List<Integer> notInserted)
            throws SQLException {
        List<Integer> duplicates = new ArrayList<>();
        List<Integer> conflicts = new ArrayList<>();
        if (!notInserted.isEmpty()) {
            Map<String, String> stored = new HashMap<>();
            try (PreparedStatement query = c.prepareStatement(STORED_HASHES)) {
                Array eventIds = c.createArrayOf("text",
                        notInserted.stream().map(i -> events.get(i).eventId()).toArray());
                query.setArray(1, eventIds);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        stored.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            for (int i : notInserted) {
                PreparedEvent e = events.get(i);
                (e.hash().hash().equals(stored.get(e.eventId())) ? duplicates : conflicts).add(i);
            }
        }
        return new Outcome(ids, duplicates, conflicts);
    }
}
