package city.trace.search;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import city.trace.epcis.QueryScope;
import city.trace.gs1.DigitalLink;
import city.trace.web.InvalidFormException;

/**
 * The one place the search's SQL is written, so the query-plan test explains the very statements the page runs.
 * Every filter is a condition an index serves (see db/V9__search.sql); the member's scope is a condition too.
 */
final class SearchSql {

    /** A statement and its parameters in order; {@code String[]} parameters are text arrays. */
    record Sql(String text, List<Object> args) {
    }

    private static final String EVENT_COLUMNS = """
            e.id, e.event_id, e.event_type, e.action, e.biz_step, e.disposition, e.event_time, e.event_time_zone_offset,
            e.read_point, e.biz_location""";

    static final String EVENTS = "select " + EVENT_COLUMNS + ", o.name from epcis_event e "
            + "join organization o on o.id = e.organization_id where true";

    static final String LOTS = """
            select b.id, b.lot, b.status, b.production_date, p.gtin, p.name, o.name, s.name, s.city, s.gln
            from batch b join product p on p.id = b.product_id join organization o on o.id = p.organization_id
                 join site s on s.id = b.site_id
            where true""";

    private SearchSql() {
    }

    static Sql of(Criteria criteria) {
        return criteria.query().view() == SearchQuery.View.EVENTS ? events(criteria) : lots(criteria);
    }

    /**
     * One row more than a page: whether there is a next page. With a site or city, the page is the newest of two
     * index-ordered pages, by read point and by business location ("read point or business location" would walk
     * every event in time order looking for the site's).
     */
    static Sql events(Criteria c) {
        SearchQuery q = c.query();
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>();
        if (c.organizationId() != null) {
            where.append(" and e.organization_id = ?");
            args.add(c.organizationId());
        }
        if (q.from() != null) {
            where.append(" and e.event_time >= ?");
            args.add(q.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (q.to() != null) {
            where.append(" and e.event_time < ?");
            args.add(q.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (q.bizStep() != null) {
            where.append(" and e.biz_step = ?");
            args.add(q.bizStep());
        }
        if (q.disposition() != null) {
            where.append(" and e.disposition = ?");
            args.add(q.disposition());
        }
        if (c.gtins() != null) {
            where.append(" and e.id in (select x.event_id from epcis_event_epc x where ")
                    .append(products("x", c.gtins(), args)).append(")");
        }
        if (c.lotLinks() != null) {
            where.append(" and e.id in (select x.event_id from epcis_event_epc x where x.epc = any(?))");
            args.add(c.lotLinks().toArray(String[]::new));
        }
        if (c.recalledLots() != null) {
            // recalled: the few events naming recalled lots, read first (an array, so no walk through every event
            // looking for them); not recalled: nearly every event, each checked by its identifiers
            where.append(q.recall() == SearchQuery.Recall.RECALLED
                    ? " and e.id = any(array(select x.event_id from epcis_event_epc x where x.epc = any(?)))"
                    : " and not exists (select 1 from epcis_event_epc x where x.event_id = e.id and x.epc = any(?))");
            args.add(c.recalledLots().toArray(String[]::new));
        }
        scope(where, args, c.scope());
        boolean newest = q.sort() == SearchQuery.Sort.NEWEST;
        if (q.after() != null) {
            where.append(newest ? " and (e.event_time, e.id) < (?, ?)" : " and (e.event_time, e.id) > (?, ?)");
            args.add(eventTime(q.after()));
            args.add(q.after().id());
        }
        String order = (newest ? " order by e.event_time desc, e.id desc" : " order by e.event_time, e.id") + " limit ?";
        int limit = q.size() + 1;
        if (c.glns() == null) {
            List<Object> all = new ArrayList<>(args);
            all.add(limit);
            return new Sql(EVENTS + where + order, all);
        }
        String[] locations = c.glns().stream().map(gln -> DigitalLink.location(gln).toUri()).toArray(String[]::new);
        List<Object> all = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select ").append(EVENT_COLUMNS).append(", o.name from (");
        for (String column : List.of("e.read_point", "e.biz_location")) {
            sql.append(column.equals("e.read_point") ? "(" : " union (").append("select ").append(EVENT_COLUMNS)
                    .append(", e.organization_id from epcis_event e where ").append(column)
                    // one site: equality, which its index returns in time order (a list it does not)
                    .append(locations.length == 1 ? " = ?" : " = any(?)").append(where).append(order).append(")");
            all.add(locations.length == 1 ? locations[0] : locations);
            all.addAll(args);
            all.add(limit);
        }
        sql.append(") e join organization o on o.id = e.organization_id").append(order);
        all.add(limit);
        return new Sql(sql.toString(), all);
    }

    /** The events each lot is named by, that the member may see: lot link and count. */
    static Sql eventCounts(List<String> lotLinks, QueryScope scope) {
        StringBuilder sql = new StringBuilder("""
                select x.epc, count(distinct x.event_id) from epcis_event_epc x join epcis_event e on e.id = x.event_id
                where x.epc = any(?)""");
        List<Object> args = new ArrayList<>();
        args.add(lotLinks.toArray(String[]::new));
        scope(sql, args, scope);
        sql.append(" group by x.epc");
        return new Sql(sql.toString(), args);
    }

    /** The lots each event names (quantity lists' classes and their inputs and outputs, with a lot). */
    static Sql lotsNamed(List<Long> eventIds) {
        return new Sql("""
                select x.event_id, x.epc from epcis_event_epc x
                where x.event_id = any(?) and x.epc like 'https://id.gs1.org/01/%/10/%' order by x.epc""",
                List.of((Object) eventIds.toArray(Long[]::new)));
    }

    static Sql lots(Criteria c) {
        SearchQuery q = c.query();
        StringBuilder sql = new StringBuilder(LOTS);
        List<Object> args = new ArrayList<>();
        if (c.gtins() != null) {
            sql.append(" and p.gtin = any(?)");
            args.add(c.gtins().toArray(String[]::new));
        }
        if (q.lot() != null) {
            sql.append(" and b.lot = ?");
            args.add(q.lot());
        }
        if (c.organizationId() != null) {
            sql.append(" and p.organization_id = ?");
            args.add(c.organizationId());
        }
        if (c.glns() != null) {
            sql.append(" and s.gln = any(?)");
            args.add(c.glns().toArray(String[]::new));
        }
        if (q.from() != null) {
            sql.append(" and b.production_date >= ?");
            args.add(q.from());
        }
        if (q.to() != null) {
            sql.append(" and b.production_date <= ?");
            args.add(q.to());
        }
        if (q.recall() != SearchQuery.Recall.ANY) {
            sql.append(q.recall() == SearchQuery.Recall.RECALLED ? " and b.status = 'RECALLED'" : " and b.status <> 'RECALLED'");
        }
        if (c.scope().organizationId() != null) {
            // a manufacturer's lots: of its products, or made at its sites (for another brand owner)
            sql.append(" and (p.organization_id = ? or s.organization_id = ?)");
            args.add(c.scope().organizationId());
            args.add(c.scope().organizationId());
        }
        Cursor after = q.after();
        switch (q.sort()) {
            case NEWEST -> {
                if (after != null) {
                    sql.append(" and b.id < ?");
                    args.add(after.id());
                }
                sql.append(" order by b.id desc");
            }
            case OLDEST -> {
                if (after != null) {
                    sql.append(" and b.id > ?");
                    args.add(after.id());
                }
                sql.append(" order by b.id");
            }
            case PRODUCT -> {
                if (after != null) {
                    sql.append(" and (p.name, b.id) > (?, ?)");
                    args.add(after.key());
                    args.add(after.id());
                }
                sql.append(" order by p.name, b.id");
            }
        }
        sql.append(" limit ?");
        args.add(q.size() + 1);
        return new Sql(sql.toString(), args);
    }

    /** An event's place in the order: its event time (to the microsecond, as stored) and id. */
    static Cursor eventCursor(OffsetDateTime eventTime, long id) {
        return new Cursor(String.valueOf(ChronoUnit.MICROS.between(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0,
                ZoneOffset.UTC), eventTime)), id);
    }

    private static OffsetDateTime eventTime(Cursor cursor) {
        try {
            return OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plus(Long.parseLong(cursor.key()),
                    ChronoUnit.MICROS);
        } catch (NumberFormatException e) {
            throw new InvalidFormException("after", "This page's link is damaged: start again from the first page");
        }
    }

    /**
     * Identifiers of these products: the class itself and everything below it ({@code …/01/{gtin}/10/…}, {@code /21/…}),
     * as ranges of the identifier table's byte-ordered primary key.
     */
    private static String products(String alias, List<String> gtins, List<Object> args) {
        if (gtins.isEmpty()) {
            return "false";
        }
        List<String> ranges = new ArrayList<>();
        for (String gtin : gtins) {
            String link = DigitalLink.product(gtin).toUri();
            ranges.add("(%1$s.epc = ? or (%1$s.epc >= ? and %1$s.epc < ?))".formatted(alias));
            args.add(link);
            args.add(link + "/");
            // '0' follows '/' in byte order: below it, exactly the identifiers that continue with "/"
            args.add(link + "0");
        }
        return "(" + String.join(" or ", ranges) + ")";
    }

    /** Regulators see everything; a manufacturer the events it recorded and those naming its products. */
    private static void scope(StringBuilder sql, List<Object> args, QueryScope scope) {
        if (scope.organizationId() == null) {
            return;
        }
        sql.append(" and (e.organization_id = ?");
        args.add(scope.organizationId());
        if (!scope.gtins().isEmpty()) {
            // checked per event by its identifiers: "in" would collect every event about the member's products first
            sql.append(" or exists (select 1 from epcis_event_epc s where s.event_id = e.id and ")
                    .append(products("s", scope.gtins(), args)).append(")");
        }
        sql.append(")");
    }
}
