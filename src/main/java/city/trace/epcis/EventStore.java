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
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

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

    private static final String INSERT_EVENTS = """
            insert into epcis_event (event_id, event_type, action, event_time, event_time_zone_offset, record_time,
                biz_step, disposition, read_point, biz_location, transformation_id, hash, hash_version, prehash,
                organization_id, capture_id, namespaces, event)
            select e.event_id, e.event_type, e.action, e.event_time, e.tz, ?, e.biz_step, e.disposition, e.read_point,
                e.biz_location, e.transformation_id, e.hash, e.hash_version, e.prehash, ?, ?, e.namespaces::jsonb,
                e.event::jsonb
            from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[],
                ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                as e(event_id, event_type, action, event_time, tz, biz_step, disposition, read_point, biz_location,
                     transformation_id, hash, hash_version, prehash, namespaces, event)
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
            return classify(c, events, ids, notInserted);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store EPCIS events: " + e.getMessage(), e);
        }
    }

    private Map<String, Long> insertEvents(Connection c, List<PreparedEvent> events, long organizationId,
            Long captureId, Instant recordTime) throws SQLException {
        int n = events.size();
        String[][] columns = new String[15][n];
        for (int i = 0; i < n; i++) {
            PreparedEvent e = events.get(i);
            EventFacts f = e.facts();
            String[] row = { e.eventId(), f.type(), f.action(), f.eventTime().toString(), f.eventTimeZoneOffset(),
                    f.bizStep(), f.disposition(), f.readPoint(), f.bizLocation(), f.transformationId(), e.hash().hash(),
                    e.hashVersion().label(), e.hash().prehash(), e.namespacesJson(), e.eventJson() };
            for (int col = 0; col < row.length; col++) {
                columns[col][i] = row[col];
            }
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
            for (int col = 0; col < columns.length; col++) {
                insert.setArray(4 + col, c.createArrayOf("text", columns[col]));
            }
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(2), rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static void insertIdentifiers(Connection c, List<PreparedEvent> events, long[] ids) throws SQLException {
        List<String> values = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        List<Long> eventIds = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (ids[i] > 0) {
                for (EventFacts.Identifier id : events.get(i).facts().identifiers()) {
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
