package city.trace.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import city.trace.batch.Batch;
import city.trace.epcis.EventQueryRepository;
import city.trace.epcis.QueryScope;
import city.trace.epcis.hash.Vocabulary;
import city.trace.gs1.DigitalLink;
import city.trace.org.Organization;
import city.trace.product.Product;
import city.trace.site.Places;
import city.trace.site.Site;
import city.trace.web.Choice;
import city.trace.web.InvalidFormException;
import io.agroal.api.AgroalDataSource;

/** Searches events and lots across what the member may see, a page at a time, in SQL over indexes (SearchSql). */
@ApplicationScoped
@Transactional
public class SearchService {

    /** A product name matching more products than this is too vague to search by. */
    static final int MAX_PRODUCTS = 100;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    /** The selects' options: members, the business steps and dispositions events use, and the fixed ones. */
    public record Choices(List<Choice> organizations, List<Choice> steps, List<Choice> dispositions) {

        public List<Choice> views() {
            return List.of(new Choice("events", "Events"), new Choice("lots", "Lots"));
        }

        public List<Choice> recalls() {
            return List.of(new Choice("recalled", "Recalled lots only"), new Choice("not-recalled", "Not recalled"));
        }

        public List<Choice> sorts() {
            return List.of(new Choice("newest", "Newest first"), new Choice("oldest", "Oldest first"),
                    new Choice("product", "By product and lot (lots)"));
        }
    }

    @Inject
    AgroalDataSource db;

    public SearchResults search(SearchForm form, QueryScope scope) {
        Criteria criteria = criteria(form, scope);
        SearchSql.Sql sql = SearchSql.of(criteria);
        return criteria.query().view() == SearchQuery.View.EVENTS ? events(criteria, sql) : lots(criteria, sql);
    }

    /** Every event a search finds, for an export: their IDs in the search's order, and who recorded them. */
    public record Matches(List<String> eventIds, Set<String> organizations) {
    }

    /**
     * Every event the search finds (its events view), page after page, up to {@code max}; more is a form error
     * that asks for a narrower search, so an export never silently holds part of a result.
     */
    public Matches matches(SearchForm form, QueryScope scope, int max) {
        Criteria page = criteria(form.firstPage(SearchQuery.MAX_SIZE), scope);
        if (page.query().view() != SearchQuery.View.EVENTS) {
            throw new InvalidFormException("view", "An export holds events: search events, not lots");
        }
        List<String> eventIds = new ArrayList<>();
        Set<String> organizations = new TreeSet<>();
        while (true) {
            SearchResults results = events(page, SearchSql.of(page));
            results.events().forEach(row -> eventIds.add(row.eventId()));
            organizations.addAll(results.organizations());
            if (eventIds.size() > max) {
                throw new InvalidFormException("view", "More than " + max + " events match: narrow the search to "
                        + "export it");
            }
            if (results.next() == null) {
                return new Matches(eventIds, organizations);
            }
            page = page.from(Cursor.decode(results.next()).orElseThrow());
        }
    }

    public Choices choices() {
        return new Choices(Choice.of(Organization.listAllByName(), o -> o.code, o -> o.name),
                terms("biz_step"), terms("disposition"));
    }

    /** The checked search with its names resolved. */
    Criteria criteria(SearchForm form, QueryScope scope) {
        SearchQuery q = SearchQuery.of(form);
        List<String> gtins = null;
        if (q.gtin() != null) {
            gtins = List.of(q.gtin());
        } else if (q.productName() != null) {
            gtins = Product.gtinsNamed(q.productName(), MAX_PRODUCTS + 1);
            if (gtins.size() > MAX_PRODUCTS) {
                throw new InvalidFormException("product", "More than " + MAX_PRODUCTS + " products have \""
                        + q.productName() + "\" in their name: type more of it, or the GTIN");
            }
        }
        Long organizationId = null;
        if (q.organization() != null) {
            organizationId = Organization.findByCode(q.organization()).orElseThrow(() -> new InvalidFormException("org",
                    "No member has the code \"" + q.organization() + "\"")).id;
        }
        List<String> glns = null;
        if (q.gln() != null) {
            glns = q.city() == null ? List.of(q.gln())
                    : Site.findByGln(q.gln()).filter(site -> site.city.equalsIgnoreCase(q.city())).map(site -> site.gln).stream().toList();
        } else if (q.siteName() != null || q.city() != null) {
            glns = Site.listByNameAndCity(q.siteName(), q.city()).stream().map(site -> site.gln).toList();
        }
        List<String> lotLinks = null;
        if (q.lot() != null && q.view() == SearchQuery.View.EVENTS) {
            // the registered batches of that lot, and the lot of the product asked even when no batch registers it
            Set<String> links = new LinkedHashSet<>(Batch.lotLinksOfLot(q.lot(), gtins));
            if (gtins != null) {
                gtins.forEach(gtin -> links.add(DigitalLink.lot(gtin, q.lot()).toUri()));
            }
            lotLinks = List.copyOf(links);
        }
        List<String> recalled = q.recall() != SearchQuery.Recall.ANY && q.view() == SearchQuery.View.EVENTS
                ? Batch.recalledLotLinks() : null;
        return new Criteria(q, gtins, lotLinks, organizationId, glns, recalled, scope);
    }

    private SearchResults events(Criteria criteria, SearchSql.Sql sql) {
        record Found(long id, String eventId, String type, String action, String bizStep, String disposition,
                OffsetDateTime time, String offset, String readPoint, String bizLocation, String recordedBy) {
        }
        int size = criteria.query().size();
        List<Found> found = new ArrayList<>();
        Map<Long, List<String>> lotsOf = new HashMap<>();
        try (Connection c = db.getConnection()) {
            query(c, sql, rs -> found.add(new Found(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getString(8),
                    rs.getString(9), rs.getString(10), rs.getString(11))));
            List<Found> page = found.subList(0, Math.min(size, found.size()));
            if (!page.isEmpty()) {
                query(c, SearchSql.lotsNamed(page.stream().map(Found::id).toList()),
                        rs -> lotsOf.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Search failed: " + e.getMessage(), e);
        }
        List<Found> page = found.subList(0, Math.min(size, found.size()));
        Map<String, String> places = Places.named(page.stream()
                .flatMap(f -> Stream.of(f.readPoint(), f.bizLocation())).toList());
        Map<String, String> names = Product.namesByGtin(lotsOf.values().stream().flatMap(List::stream)
                .flatMap(link -> DigitalLink.parseLot(link).stream()).map(DigitalLink::keyValue).distinct().toList());
        List<SearchResults.EventRow> rows = page.stream().map(f -> {
            String where = f.bizLocation() != null ? f.bizLocation() : f.readPoint();
            List<SearchResults.LotRef> lots = lotsOf.getOrDefault(f.id(), List.of()).stream()
                    .flatMap(link -> DigitalLink.parseLot(link).stream())
                    .map(link -> new SearchResults.LotRef(link.keyValue(), link.qualifier(DigitalLink.LOT).orElseThrow(),
                            names.get(link.keyValue()), "/trace" + link.path()))
                    .toList();
            return new SearchResults.EventRow(f.eventId(), f.type(), f.action(), Vocabulary.bareTerm(f.bizStep()),
                    Vocabulary.bareTerm(f.disposition()), TIME.format(f.time().withOffsetSameInstant(ZoneOffset.of(f.offset()))),
                    where == null ? null : places.getOrDefault(where, where), f.recordedBy(), lots,
                    "/trace?from=" + URLEncoder.encode(f.eventId(), StandardCharsets.UTF_8));
        }).toList();
        Found last = found.size() > size ? page.get(page.size() - 1) : null;
        return new SearchResults("events", rows, List.of(),
                last == null ? null : SearchSql.eventCursor(last.time(), last.id()).encode());
    }

    private SearchResults lots(Criteria criteria, SearchSql.Sql sql) {
        record Found(long id, String lot, String status, java.time.LocalDate produced, String gtin, String product,
                String maker, String site, String city, String link) {
        }
        int size = criteria.query().size();
        List<Found> found = new ArrayList<>();
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = db.getConnection()) {
            query(c, sql, rs -> found.add(new Found(rs.getLong(1), rs.getString(2), rs.getString(3),
                    rs.getObject(4, java.time.LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7),
                    rs.getString(8), rs.getString(9), DigitalLink.lot(rs.getString(5), rs.getString(2)).toUri())));
            List<Found> page = found.subList(0, Math.min(size, found.size()));
            if (!page.isEmpty()) {
                query(c, SearchSql.eventCounts(page.stream().map(Found::link).toList(), criteria.scope()),
                        rs -> counts.put(rs.getString(1), rs.getLong(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Search failed: " + e.getMessage(), e);
        }
        List<Found> page = found.subList(0, Math.min(size, found.size()));
        List<SearchResults.LotRow> rows = page.stream().map(f -> new SearchResults.LotRow(f.gtin(), f.product(), f.lot(),
                f.maker(), f.site(), f.city(), Batch.Status.valueOf(f.status()).label, f.produced(),
                counts.getOrDefault(f.link(), 0L), "/trace" + DigitalLink.lot(f.gtin(), f.lot()).path())).toList();
        Found last = found.size() > size ? page.get(page.size() - 1) : null;
        return new SearchResults("lots", List.of(), rows,
                last == null ? null : new Cursor(last.product(), last.id()).encode());
    }

    /**
     * The distinct values of a column in use, by skipping through its index (db/V9__search.sql) one value at a
     * time: a few reads per value, not a scan of every event.
     */
    private List<Choice> terms(String column) {
        String sql = """
                with recursive terms(term) as (
                    select min(%1$s) from epcis_event
                    union all
                    select (select min(%1$s) from epcis_event where %1$s > terms.term) from terms where terms.term is not null)
                select term from terms where term is not null""".formatted(column);
        List<Choice> choices = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            query(c, new SearchSql.Sql(sql, List.of()), rs -> {
                String term = Vocabulary.bareTerm(rs.getString(1));
                choices.add(new Choice(term, term.replace('_', ' ')));
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list the terms in use: " + e.getMessage(), e);
        }
        return choices;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, SearchSql.Sql sql, RowReader reader) throws SQLException {
        try (PreparedStatement statement = prepare(c, sql); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                reader.read(rs);
            }
        }
    }

    /** The statement with its parameters bound, planned for these values each time (arrays' sizes vary). */
    static PreparedStatement prepare(Connection c, SearchSql.Sql sql) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql.text());
        EventQueryRepository.planEachTime(statement);
        List<Object> args = sql.args();
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            if (arg instanceof String[] texts) {
                statement.setArray(i + 1, c.createArrayOf("text", texts));
            } else if (arg instanceof Long[] ids) {
                statement.setArray(i + 1, c.createArrayOf("bigint", ids));
            } else {
                statement.setObject(i + 1, arg);
            }
        }
        return statement;
    }
}
