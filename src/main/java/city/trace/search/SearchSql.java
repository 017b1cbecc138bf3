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

    static final String EVENTS = """
            select e.id, e.event_id, e.event_type, e.action, e.biz_step, e.disposition, e.event_time,
                   e.event_time_zone_offset, e.read_point, e.biz_location, o.name
            from epcis_event e join organization o on o.id = e.organization_id
            where true""";

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

    /** One row more than a page: whether there is a next page. */
    static Sql events(Criteria c) {
        SearchQuery q = c.query();
        StringBuilder sql = new StringBuilder(EVENTS);
        List<Object> args = new ArrayList<>();
        if (c.organizationId() != null) {
            sql.append(" and e.organization_id = ?");
            args.add(c.organizationId());
        }
        if (q.from() != null) {
            sql.append(" and e.event_time >= ?");
            args.add(q.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (q.to() != null) {
            sql.append(" and e.event_time < ?");
            args.add(q.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (q.bizStep() != null) {
            sql.append(" and e.biz_step = ?");
            args.add(q.bizStep());
        }
        if (q.disposition() != null) {
            sql.append(" and e.disposition = ?");
            args.add(q.disposition());
        }
        if (c.glns() != null) {
            String[] locations = c.glns().stream().map(gln -> DigitalLink.location(gln).toUri()).toArray(String[]::new);
            sql.append(" and (e.read_point = any(?) or e.biz_location = any(?))");
            args.add(locations);
            args.add(locations);
        }
        if (c.gtins() != null) {
            sql.append(" and e.id in (select x.event_id from epcis_event_epc x where ")
                    .append(products(c.gtins(), args)).append(")");
        }
        if (c.lotLinks() != null) {
            sql.append(" and e.id in (select x.event_id from epcis_event_epc x where x.epc = any(?))");
            args.add(c.lotLinks().toArray(String[]::new));
        }
        if (c.recalledLots() != null) {
            sql.append(q.recall() == SearchQuery.Recall.RECALLED ? " and" : " and not").append(
                    " exists (select 1 from epcis_event_epc x where x.event_id = e.id and x.epc = any(?))");
            args.add(c.recalledLots().toArray(String[]::new));
        }
        scope(sql, args, c.scope());
        boolean newest = q.sort() == SearchQuery.Sort.NEWEST;
        if (q.after() != null) {
            sql.append(newest ? " and (e.event_time, e.id) < (?, ?)" : " and (e.event_time, e.id) > (?, ?)");
            args.add(eventTime(q.after()));
            args.add(q.after().id());
        }
        sql.append(newest ? " order by e.event_time desc, e.id desc" : " order by e.event_time, e.id").append(" limit ?");
        args.add(q.size() + 1);
        return new Sql(sql.toString(), args);
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
    private static String products(List<String> gtins, List<Object> args) {
        if (gtins.isEmpty()) {
            return "false";
        }
        List<String> ranges = new ArrayList<>();
        for (String gtin : gtins) {
            String link = DigitalLink.product(gtin).toUri();
            ranges.add("(x.epc = ? or (x.epc >= ? and x.epc < ?))");
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
            sql.append(" or e.id in (select x.event_id from epcis_event_epc x where ")
                    .append(products(scope.gtins(), args)).append(")");
        }
        sql.append(")");
    }
}
