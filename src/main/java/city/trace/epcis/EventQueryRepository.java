package city.trace.epcis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.postgresql.PGStatement;

import io.agroal.api.AgroalDataSource;

/**
 * Runs event queries in plain SQL over the indexed columns and the identifier table. Results come in
 * storage order (event id) with keyset paging: a page is "the next n events after id x, up to the newest
 * event the first page saw", so paging neither repeats nor skips events while others are being captured.
 */
@ApplicationScoped
public class EventQueryRepository {

    /**
     * One page of results: each event as JSON (eventID and recordTime included), its JSON-LD prefixes and its
     * database id.
     */
    public record Page(List<String> events, List<String> namespaces, List<Long> ids, String nextPageToken) {
    }

    private static final String EVENT_JSON = """
            (e.event || jsonb_build_object('eventID', e.event_id, 'recordTime',
                to_char(e.record_time at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))::text""";

    private static final String SIGHTINGS = """
            select x.epc, loc.location, e.id
            from epcis_event_epc x join epcis_event e on e.id = x.event_id
            cross join lateral (values (e.read_point), (e.biz_location)) as loc(location)
            where x.epc = any(?) and x.role in ('epc', 'parent', 'child', 'output') and e.id < ?
              and loc.location is not null""";

    @Inject
    AgroalDataSource db;

    /** An instance seen at a location by an event (its read point or business location). */
    public record Sighting(String instance, String location, long eventId) {
    }

    /** Which of these eventIDs are stored already. */
    public Set<String> storedEventIds(Collection<String> eventIds) {
        Set<String> stored = new HashSet<>();
        if (eventIds.isEmpty()) {
            return stored;
        }
        try (Connection c = db.getConnection();
                PreparedStatement query = c.prepareStatement("select event_id from epcis_event where event_id = any(?)")) {
            planEachTime(query);
            query.setArray(1, c.createArrayOf("text", eventIds.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up eventIDs: " + e.getMessage(), e);
        }
        return stored;
    }

    /**
     * Where events before {@code beforeId} placed each of the instances (read points and business locations of
     * the events naming them in an EPC list), for who may speak for serialised goods.
     */
    public List<Sighting> sightings(Collection<String> instances, long beforeId) {
        List<Sighting> sightings = new ArrayList<>();
        if (instances.isEmpty()) {
            return sightings;
        }
        try (Connection c = db.getConnection(); PreparedStatement query = c.prepareStatement(SIGHTINGS)) {
            planEachTime(query);
            query.setArray(1, c.createArrayOf("text", instances.toArray()));
            query.setLong(2, beforeId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    sightings.add(new Sighting(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up where instances were seen: " + e.getMessage(), e);
        }
        return sightings;
    }

    /** What the identifiers' index lists for each of these events (by database id), as {@link EventFacts.Identifier#indexed()}. */
    public Map<Long, Set<String>> indexedIdentifiers(Collection<Long> eventIds) {
        Map<Long, Set<String>> indexed = new HashMap<>();
        if (eventIds.isEmpty()) {
            return indexed;
        }
        try (Connection c = db.getConnection();
                PreparedStatement query = c.prepareStatement("select event_id, role, epc from epcis_event_epc "
                        + "where event_id = any(?)")) {
            planEachTime(query);
            query.setArray(1, c.createArrayOf("bigint", eventIds.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    indexed.computeIfAbsent(rs.getLong(1), id -> new HashSet<>())
                            .add(EventFacts.Identifier.indexed(rs.getString(2), rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the identifiers' index: " + e.getMessage(), e);
        }
        return indexed;
    }

    /**
     * Keeps a lookup by a list of keys from being prepared once on the server: a generic plan made while the table
     * was small (a new installation, a benchmark's emptied table) scans the whole table ever after, until the
     * statistics catch up; planned each time, it uses the index.
     */
    public static void planEachTime(PreparedStatement statement) throws SQLException {
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
    }

    public Page find(EventQuery query, QueryScope scope, Map<String, List<String>> parameters) {
        StringBuilder sql = new StringBuilder("select e.id, ").append(EVENT_JSON)
                .append(", e.namespaces::text from epcis_event e where e.id <= ?");
        List<Object> args = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            long newest = query.page != null ? query.page.newest() : newestEventId(c);
            args.add(newest);
            if (query.page != null) {
                sql.append(" and e.id > ?");
                args.add(query.page.after());
            }
            anyOf(sql, args, "e.event_type", query.eventTypes);
            anyOf(sql, args, "e.action", query.actions);
            anyOf(sql, args, "e.biz_step", query.bizSteps);
            anyOf(sql, args, "e.disposition", query.dispositions);
            anyOf(sql, args, "e.read_point", query.readPoints);
            anyOf(sql, args, "e.biz_location", query.bizLocations);
            anyOf(sql, args, "e.transformation_id", query.transformationIds);
            anyOf(sql, args, "e.event_id", query.eventIds);
            if (query.among != null) {
                sql.append(" and e.id = any(?)");
                args.add(query.among);
            }
            compare(sql, args, "e.event_time >= ?", query.geEventTime);
            compare(sql, args, "e.event_time < ?", query.ltEventTime);
            compare(sql, args, "e.record_time >= ?", query.geRecordTime);
            compare(sql, args, "e.record_time < ?", query.ltRecordTime);
            for (EventQuery.Match match : query.matches) {
                sql.append(" and e.id in (select x.event_id from epcis_event_epc x where x.role = any(?) and (");
                args.add(match.roles().stream().map(r -> r.code).toArray(String[]::new));
                sql.append(identifierCondition(match.exact(), match.prefixes(), args)).append("))");
            }
            sql.append(scopeCondition(scope, args));
            sql.append(" order by e.id limit ?");
            args.add(query.perPage + 1);
            return run(c, sql.toString(), args, query, newest, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException("Event query failed: " + e.getMessage(), e);
        }
    }

    /**
     * Up to {@code limit} distinct values of a browsed dimension after {@code after} (in its column's order) in events the
     * scope sees: a loose index scan, one index probe per value, so a million events with a hundred read points
     * cost a hundred probes.
     */
    public List<String> distinct(Browsed dimension, String after, int limit, QueryScope scope) {
        List<Object> args = new ArrayList<>();
        String next = "(select " + dimension.column + " from " + dimension.from + " where " + dimension.column
                + " > %s" + scopeCondition(scope, args) + " order by 1 limit 1)";
        List<Object> twice = new ArrayList<>(args);
        String sql = "with recursive v(value) as (" + next.formatted("?") + " union all select "
                + next.formatted("v.value") + " from v where v.value is not null) "
                + "select value from v where value is not null limit ?";
        List<Object> all = new ArrayList<>();
        all.add(after);
        all.addAll(args);
        all.addAll(twice);
        all.add(limit);
        try (Connection c = db.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            bind(c, select, all);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("Browsing " + dimension + " failed: " + e.getMessage(), e);
        }
    }

    /** The events a scope sees, as a condition on {@code e} to append after a where clause. */
    private static String scopeCondition(QueryScope scope, List<Object> args) {
        if (scope.isEverything()) {
            return "";
        }
        StringBuilder sql = new StringBuilder(" and (e.organization_id = ?");
        args.add(scope.organizationId());
        if (!scope.gtins().isEmpty()) {
            List<String> gtinLinks = scope.gtins().stream().map(g -> "https://id.gs1.org/01/" + g).toList();
            sql.append(" or e.id in (select x.event_id from epcis_event_epc x where ")
                    .append(identifierCondition(gtinLinks, gtinLinks, args)).append(")");
        }
        return sql.append(")").toString();
    }

    private static Page run(Connection c, String sql, List<Object> args, EventQuery query, long newest,
            Map<String, List<String>> parameters) throws SQLException {
        List<String> events = new ArrayList<>();
        List<String> namespaces = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        long lastId = 0;
        boolean more = false;
        try (PreparedStatement select = c.prepareStatement(sql)) {
            bind(c, select, args);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    if (events.size() == query.perPage) {
                        more = true;
                        break;
                    }
                    lastId = rs.getLong(1);
                    ids.add(lastId);
                    events.add(rs.getString(2));
                    namespaces.add(rs.getString(3));
                }
            }
        }
        String next = more ? query.nextPageToken(lastId, newest, query.fingerprint(parameters)) : null;
        return new Page(events, namespaces, ids, next);
    }

    /** Exact values match by equality; a prefix matches the identifiers below it ({@code prefix/…}). */
    private static String identifierCondition(List<String> exact, List<String> prefixes, List<Object> args) {
        List<String> alternatives = new ArrayList<>();
        if (!exact.isEmpty()) {
            alternatives.add("x.epc = any(?)");
            args.add(exact.toArray(String[]::new));
        }
        for (String prefix : prefixes) {
            alternatives.add("x.epc like ?");
            args.add(escapeLike(prefix) + "/%");
        }
        return String.join(" or ", alternatives);
    }

    private static void anyOf(StringBuilder sql, List<Object> args, String column, List<String> values) {
        if (values != null) {
            sql.append(" and ").append(column).append(" = any(?)");
            args.add(values.toArray(String[]::new));
        }
    }

    private static void compare(StringBuilder sql, List<Object> args, String condition, Instant value) {
        if (value != null) {
            sql.append(" and ").append(condition);
            args.add(Timestamp.from(value));
        }
    }

    private static void bind(Connection c, PreparedStatement statement, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            if (arg instanceof String[] array) {
                statement.setArray(i + 1, c.createArrayOf("text", array));
            } else if (arg instanceof Long[] array) {
                statement.setArray(i + 1, c.createArrayOf("bigint", array));
            } else {
                statement.setObject(i + 1, arg);
            }
        }
    }

    private static long newestEventId(Connection c) throws SQLException {
        try (var rs = c.createStatement().executeQuery("select coalesce(max(id), 0) from epcis_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
