package city.trace.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import city.trace.batch.Batch;
import city.trace.batch.Unit;
import city.trace.epcis.EpcisEvent;
import city.trace.epcis.QueryScope;
import city.trace.site.Site;
import city.trace.support.Browser;
import city.trace.support.Demo;
import city.trace.support.Events;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;

/**
 * Each filter of the search on events this test stores on a day of its own (so that nothing else recorded
 * matches), paging and sorting, who sees what, bad input; and the plans of the main filters' SQL.
 */
@QuarkusTest
class SearchTest {

    private static final String BREAD = Demo.BREAD_GTIN;
    private static final String FIELDS = Demo.FIELDS_GLN;
    private static final String PLANT = Demo.BAKERY_PLANT_GLN;

    @Inject
    SearchService search;

    @Inject
    AgroalDataSource db;

    /** A day far ahead that no other test records events on. */
    private static LocalDate day() {
        return LocalDate.of(2040, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
    }

    private static String breadLot(String prefix) {
        return "https://id.gs1.org/01/" + BREAD + "/10/" + prefix + Browser.unique(8);
    }

    /**
     * Stores an ObjectEvent of these lots for {@code org} at {@code hour} of {@code day} (Amsterdam winter time)
     * and returns its eventID.
     */
    private static String event(String org, LocalDate day, int minute, String bizStep, String disposition, String gln,
            String... lots) {
        String json = """
                {"type": "ObjectEvent", "action": "OBSERVE", "bizStep": "%s", "disposition": "%s",
                 "eventTime": "%sT10:%02d:00.000+01:00", "eventTimeZoneOffset": "+01:00",
                 "readPoint": {"id": "%s"}, "bizLocation": {"id": "%s"},
                 "quantityList": [%s]}""".formatted(bizStep, disposition, day, minute, Events.location(gln),
                Events.location(gln), java.util.Arrays.stream(lots).map(l -> Events.quantity(l, "1", "KGM"))
                        .collect(Collectors.joining(", ")));
        long id = Events.storeBehindTheRules(org, json);
        return Demo.read(() -> EpcisEvent.<EpcisEvent>findById(id).eventId);
    }

    private static JsonPath api(Map<String, ?> parameters) {
        return given().queryParams(parameters).get("/api/search").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> eventIds(Map<String, ?> parameters) {
        return api(parameters).getList("events.eventId");
    }

    private static Map<String, Object> on(LocalDate day, Object... more) {
        Map<String, Object> parameters = new java.util.LinkedHashMap<>();
        parameters.put("from", day.toString());
        parameters.put("to", day.toString());
        for (int i = 0; i < more.length; i += 2) {
            parameters.put((String) more[i], more[i + 1]);
        }
        return parameters;
    }

    @Test
    @TestSecurity(user = "rita", roles = "regulator")
    void eachFilterOfEventsFindsExactlyTheEventsThatMatch() {
        LocalDate day = day();
        Batch flour = Demo.batch(Demo.FLOUR_GTIN, PLANT, "SF", "100", Unit.KGM);
        String flourLot = Events.lot(flour);
        String bread = breadLot("SB");
        String wheat = "https://id.gs1.org/01/" + Demo.WHEAT_GTIN + "/10/SW" + Browser.unique(8);
        String rotterdam = Demo.read(() -> Site.<Site>find("name", "Stadsmarkt Centrum").firstResult().gln);

        String shipBread = event(Demo.BAKERY, day, 1, "shipping", "in_transit", PLANT, bread);
        String harvest = event(Demo.FARM, day, 2, "commissioning", "active", FIELDS, wheat);
        String milling = event(Demo.BAKERY, day, 3, "commissioning", "active", PLANT, flourLot);
        String sold = event(Demo.MARKET, day, 4, "retail_selling", "retail_sold", rotterdam, bread);

        assertEquals(List.of(sold, milling, harvest, shipBread), eventIds(on(day)), "the day's events, newest first");
        assertEquals(List.of(sold, shipBread), eventIds(on(day, "product", BREAD)));
        // a GTIN-13 is the same product
        assertEquals(List.of(sold, shipBread), eventIds(on(day, "product", BREAD.substring(1))));
        // by name, any case: "Winter wheat, bulk" and "Stoneground wheat flour"
        assertEquals(List.of(milling, harvest), eventIds(on(day, "product", "WHEAT")));
        assertEquals(List.of(milling), eventIds(on(day, "lot", flour.lot)));
        // a lot no batch registers, of the product typed
        String breadLotText = bread.substring(bread.lastIndexOf('/') + 1);
        assertEquals(List.of(sold, shipBread), eventIds(on(day, "product", BREAD, "lot", breadLotText)));
        assertEquals(List.of(), eventIds(on(day, "product", Demo.FLOUR_GTIN, "lot", breadLotText)));
        assertEquals(List.of(harvest), eventIds(on(day, "org", Demo.FARM)));
        assertEquals(List.of(milling, shipBread), eventIds(on(day, "site", PLANT)));
        assertEquals(List.of(harvest), eventIds(on(day, "site", "wheat fields")));
        assertEquals(List.of(sold), eventIds(on(day, "city", "rotterdam")));
        assertEquals(List.of(milling, harvest, shipBread), eventIds(on(day, "city", "Groningen")));
        assertEquals(List.of(), eventIds(on(day, "city", "Groningen", "site", rotterdam)));
        assertEquals(List.of(shipBread), eventIds(on(day, "step", "shipping")));
        assertEquals(List.of(milling, harvest), eventIds(on(day, "disposition", "active")));
        assertEquals(List.of(milling, harvest), eventIds(on(day, "step", "commissioning", "disposition", "active")));
        assertEquals(List.of(), eventIds(on(day, "step", "receiving")));
        // the time range is of event time, in UTC: 10:01+01:00 is 09:01Z of that day
        assertEquals(List.of(), eventIds(on(day.plusDays(1))));
        Map<String, Object> twoDays = on(day.minusDays(1), "to", day.toString(), "org", Demo.MARKET);
        assertEquals(List.of(sold), eventIds(twoDays));
    }

    @Test
    @TestSecurity(user = "rita", roles = "regulator")
    void recallStateFollowsTheBatchesStatus() {
        LocalDate day = day();
        Batch recalled = Demo.batch(Demo.FLOUR_GTIN, PLANT, "SR", "100", Unit.KGM);
        Batch fine = Demo.batch(Demo.FLOUR_GTIN, PLANT, "SN", "100", Unit.KGM);
        QuarkusTransaction.requiringNew().run(() -> Batch.update("status = ?1 where id = ?2", Batch.Status.RECALLED, recalled.id));
        String bad = event(Demo.BAKERY, day, 1, "shipping", "in_transit", PLANT, Events.lot(recalled));
        String good = event(Demo.BAKERY, day, 2, "shipping", "in_transit", PLANT, Events.lot(fine));

        assertEquals(List.of(bad), eventIds(on(day, "recall", "recalled")));
        assertEquals(List.of(good), eventIds(on(day, "recall", "not-recalled")));
        assertEquals(List.of(good, bad), eventIds(on(day, "recall", "")));

        JsonPath lots = api(Map.of("view", "lots", "lot", recalled.lot, "recall", "recalled"));
        assertEquals(List.of(recalled.lot), lots.getList("lots.lot"));
        assertEquals("Recalled", lots.getString("lots[0].status"));
        // its commissioning (from Demo.batch) and the shipping above
        assertEquals(2, lots.getInt("lots[0].events"));
        assertEquals("/trace/01/" + Demo.FLOUR_GTIN + "/10/" + recalled.lot, lots.getString("lots[0].trace"));
        assertEquals(List.of(), api(Map.of("view", "lots", "lot", recalled.lot, "recall", "not-recalled")).getList("lots"));
        assertEquals(List.of(fine.lot), api(Map.of("view", "lots", "lot", fine.lot, "recall", "not-recalled")).getList("lots.lot"));
    }

    @Test
    @TestSecurity(user = "rita", roles = "regulator")
    void lotsAreFoundByProductLotMakerSiteCityAndProductionDate() {
        Batch flour = Demo.batch(Demo.FLOUR_GTIN, PLANT, "SL", "100", Unit.KGM);
        Batch wheat = Demo.batch(Demo.WHEAT_GTIN, FIELDS, "SL", "100", Unit.KGM);
        String today = LocalDate.now().toString();
        assertEquals(List.of(flour.lot), api(Map.of("view", "lots", "lot", flour.lot)).getList("lots.lot"));
        assertEquals(List.of(flour.lot), api(Map.of("view", "lots", "lot", flour.lot, "product", "flour", "org", Demo.BAKERY,
                "site", PLANT, "city", "groningen", "from", today, "to", today)).getList("lots.lot"));
        assertEquals(List.of(), api(Map.of("view", "lots", "lot", flour.lot, "org", Demo.FARM)).getList("lots"));
        assertEquals(List.of(), api(Map.of("view", "lots", "lot", flour.lot, "site", FIELDS)).getList("lots"));
        assertEquals(List.of(), api(Map.of("view", "lots", "lot", flour.lot, "city", "Rotterdam")).getList("lots"));
        assertEquals(List.of(), api(Map.of("view", "lots", "lot", flour.lot, "product", Demo.WHEAT_GTIN)).getList("lots"));
        assertEquals(List.of(), api(Map.of("view", "lots", "lot", flour.lot, "to", LocalDate.now().minusDays(1).toString()))
                .getList("lots"));
        JsonPath found = api(Map.of("view", "lots", "lot", wheat.lot));
        assertEquals("De Korenaar Farm", found.getString("lots[0].maker"));
        assertEquals("Korenaar wheat fields", found.getString("lots[0].site"));
        assertEquals("Groningen", found.getString("lots[0].city"));
        assertEquals("Winter wheat, bulk", found.getString("lots[0].product"));
    }

    @Test
    @TestSecurity(user = "rita", roles = "regulator")
    void pagesFollowEachOtherWithoutGapsOrRepeatsInEitherOrder() {
        LocalDate day = day();
        String bread = breadLot("SP");
        List<String> stored = new ArrayList<>();
        for (int minute = 0; minute < 7; minute++) {
            stored.add(event(Demo.BAKERY, day, minute, "shipping", "in_transit", PLANT, bread));
        }
        // two events at the same minute: the id orders them
        stored.add(event(Demo.BAKERY, day, 3, "receiving", "in_progress", PLANT, bread));

        for (String sort : List.of("newest", "oldest")) {
            List<String> seen = new ArrayList<>();
            Map<String, Object> parameters = on(day, "sort", sort, "size", "3");
            int pages = 0;
            String after = null;
            do {
                if (after != null) {
                    parameters.put("after", after);
                }
                JsonPath page = api(parameters);
                List<String> ids = page.getList("events.eventId");
                assertTrue(ids.size() <= 3);
                seen.addAll(ids);
                after = page.getString("next");
                pages++;
            } while (after != null);
            assertEquals(3, pages, sort);
            assertEquals(new HashSet<>(stored), new HashSet<>(seen), "every event once: " + sort);
            assertEquals(stored.size(), seen.size(), "no repeats: " + sort);
            List<String> times = new ArrayList<>();
            seen.forEach(id -> times.add(Demo.read(() -> EpcisEvent.findByEventId(id).orElseThrow().eventTime.toString())));
            List<String> ordered = new ArrayList<>(times);
            ordered.sort(sort.equals("newest") ? java.util.Comparator.reverseOrder() : java.util.Comparator.naturalOrder());
            assertEquals(ordered, times, sort);
        }

        // the page's "Next page" link carries the search and where the next page starts
        String html = given().accept("text/html").queryParams(on(day, "size", "3")).get("/search").then().statusCode(200)
                .extract().asString();
        var link = java.util.regex.Pattern.compile("href=\"([^\"]+)\" rel=\"next\"").matcher(html);
        assertTrue(link.find(), html);
        String next = link.group(1).replace("&amp;", "&");
        assertTrue(next.startsWith("/search?from=" + day + "&to=" + day + "&size=3&after="), next);
        assertTrue(given().accept("text/html").get(next).then().statusCode(200).extract().asString().contains("First page"));
    }

    @Test
    @TestSecurity(user = "rita", roles = "regulator")
    void lotsSortByProductAndPageByNameAndId() {
        List<String> lots = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            lots.add(Demo.batch(Demo.WHEAT_GTIN, FIELDS, "SS", "10", Unit.TNE).lot);
            lots.add(Demo.batch(Demo.FLOUR_GTIN, PLANT, "SS", "10", Unit.KGM).lot);
        }
        String today = LocalDate.now().toString();
        List<String> seenProducts = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> parameters = new java.util.HashMap<>(Map.of("view", "lots", "sort", "product", "size", "4",
                    "from", today, "to", today, "product", "wheat"));
            if (after != null) {
                parameters.put("after", after);
            }
            JsonPath page = api(parameters);
            List<Map<String, Object>> rows = page.getList("lots");
            rows.stream().filter(r -> lots.contains(r.get("lot"))).forEach(r -> seenProducts.add((String) r.get("product")));
            after = page.getString("next");
        } while (after != null);
        // "Stoneground wheat flour" before "Winter wheat, bulk"
        assertEquals(List.of("Stoneground wheat flour", "Stoneground wheat flour", "Stoneground wheat flour",
                "Winter wheat, bulk", "Winter wheat, bulk", "Winter wheat, bulk"), seenProducts);
    }

    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void aManufacturerSeesItsOwnRecordsAndEventsAboutItsProductsOnly() {
        LocalDate day = day();
        String wheat = "https://id.gs1.org/01/" + Demo.WHEAT_GTIN + "/10/SM" + Browser.unique(8);
        String bread = breadLot("SM");
        String farmsOwn = event(Demo.FARM, day, 1, "commissioning", "active", FIELDS, wheat);
        String aboutBread = event(Demo.MARKET, day, 2, "receiving", "in_progress", FIELDS, bread);
        String bakerys = event(Demo.BAKERY, day, 3, "receiving", "in_progress", PLANT, wheat);

        assertEquals(List.of(bakerys, aboutBread), eventIds(on(day)));
        assertEquals(List.of(), eventIds(on(day, "org", Demo.FARM)));
        assertEquals(List.of(bakerys), eventIds(on(day, "product", Demo.WHEAT_GTIN)));
        assertFalse(eventIds(on(day)).contains(farmsOwn));
        // the farm's lots are not the bakery's to list
        Batch farmLot = Demo.batch(Demo.WHEAT_GTIN, FIELDS, "SM", "1", Unit.TNE);
        assertEquals(List.of(), api(Map.of("view", "lots", "lot", farmLot.lot)).getList("lots"));
        given().accept("text/html").queryParams(on(day)).get("/search").then().statusCode(200)
                .body(containsString("Within what your organisation may see"), not(containsString(farmsOwn)));
    }

    @Test
    @TestSecurity(user = "rita", roles = "regulator")
    void aRegulatorSeesEveryOrganisationsEventsOnThePage() {
        LocalDate day = day();
        String wheat = "https://id.gs1.org/01/" + Demo.WHEAT_GTIN + "/10/SV" + Browser.unique(8);
        String farmsOwn = event(Demo.FARM, day, 1, "commissioning", "active", FIELDS, wheat);
        String lotText = wheat.substring(wheat.lastIndexOf('/') + 1);
        given().accept("text/html").queryParams(on(day)).get("/search").then().statusCode(200)
                .body(containsString("Across the consortium"), containsString(farmsOwn),
                        containsString("href=\"/trace?from=" + java.net.URLEncoder.encode(farmsOwn, java.nio.charset.StandardCharsets.UTF_8) + "\""),
                        containsString("href=\"/trace/01/" + Demo.WHEAT_GTIN + "/10/" + lotText + "\""),
                        containsString("Korenaar wheat fields, Groningen"), containsString("De Korenaar Farm"),
                        containsString("<a href=\"/search\">Search</a>"));
    }

    @Test
    @TestSecurity(user = "rita", roles = "regulator")
    void badInputIsShownNextToItsFieldWithStatus400() {
        String html = given().accept("text/html")
                .queryParams(Map.of("product", "8712347000011", "site", "123", "from", "2026-03-01", "to", "2026-02-01",
                        "sort", "sideways", "step", "dancing"))
                .get("/search").then().statusCode(400).extract().asString();
        assertTrue(html.contains("GTIN check digit is wrong"), html);
        assertTrue(html.contains("GLN must have 13 digits, not 3"));
        assertTrue(html.contains("The end date 2026-02-01 is before the start date 2026-03-01"));
        assertTrue(html.contains("Sort events by newest or oldest"));
        assertTrue(html.contains("&quot;dancing&quot; is no business step of the Core Business Vocabulary"));
        assertTrue(html.contains("id=\"product-error\""));
        assertTrue(html.contains("aria-invalid=\"true\""));
        // what was typed stays in the form
        assertTrue(html.contains("value=\"8712347000011\""));
        given().accept("text/html").queryParams(Map.of("from", "yesterday")).get("/search").then().statusCode(400)
                .body(containsString("Give a date as YYYY-MM-DD, not &quot;yesterday&quot;"));
        given().accept("text/html").queryParams(Map.of("after", "not a page")).get("/search").then().statusCode(400)
                .body(containsString("This page&#39;s link is damaged"));
        given().accept("text/html").queryParams(Map.of("org", "nobody")).get("/search").then().statusCode(400)
                .body(containsString("No member has the code"));
        given().accept("text/html").queryParams(Map.of("view", "lots", "step", "shipping")).get("/search").then()
                .statusCode(400).body(containsString("Business steps are the events&#39;"));
        given().queryParams(Map.of("size", "5000")).get("/api/search").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("Rows per page is a number from 1 to 200"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "farmer")
    void otherRolesMayNotSearch() {
        given().accept("text/html").get("/search").then().statusCode(403);
    }

    /**
     * The plans of the main filters' statements, as the page runs them: each uses its index, and neither events
     * nor identifiers are read whole. Sequential scans are made dear, as they are not on a small test database.
     */
    @Test
    void theMainFiltersAreServedByTheirIndexes() throws Exception {
        Batch flour = Demo.batch(Demo.FLOUR_GTIN, PLANT, "SQ", "100", Unit.KGM);
        assertPlan(Map.of("product", BREAD), "epcis_event_epc_pkey");
        assertPlan(Map.of("org", Demo.FARM, "from", "2026-01-01", "to", "2026-12-31"), "epcis_event_organization_time_idx");
        assertPlan(Map.of("site", quietSite()), "epcis_event_read_point_time_idx", "epcis_event_biz_location_time_idx");
        assertPlan(Map.of("lot", flour.lot), "epcis_event_epc_pkey");
        assertPlan(Map.of("step", quietStep()), "epcis_event_biz_step_time_idx");
        assertPlan(Map.of("view", "lots", "lot", flour.lot), "batch_lot_idx");
    }

    /**
     * The site where the fewest events happened: in a city each site holds a small share of the events, while here
     * the tests' bakery plant holds so many that reading the whole table is cheaper than its index.
     */
    private static String quietSite() {
        return Demo.read(() -> (String) EpcisEvent.getEntityManager().createNativeQuery("""
                select s.gln from site s join epcis_event e on e.read_point = 'https://id.gs1.org/414/' || s.gln
                group by s.gln order by count(*), s.gln limit 1""").getSingleResult());
    }

    /** The business step of the fewest events, for the same reason: here shipping is half of all events. */
    private static String quietStep() {
        return Demo.read(() -> (String) EpcisEvent.getEntityManager().createNativeQuery("""
                select substring(biz_step from length('https://ref.gs1.org/cbv/BizStep-') + 1) from epcis_event
                where biz_step like 'https://ref.gs1.org/cbv/BizStep-%' group by biz_step order by count(*), biz_step limit 1""")
                .getSingleResult());
    }

    private void assertPlan(Map<String, String> parameters, String... indexes) throws Exception {
        SearchForm form = new SearchForm();
        form.view = parameters.get("view");
        form.product = parameters.get("product");
        form.lot = parameters.get("lot");
        form.org = parameters.get("org");
        form.site = parameters.get("site");
        form.from = parameters.get("from");
        form.to = parameters.get("to");
        form.step = parameters.get("step");
        SearchSql.Sql sql = SearchSql.of(search.criteria(form, QueryScope.EVERYTHING));
        List<JsonNode> nodes = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                c.createStatement().execute("set local enable_seqscan = off");
                c.createStatement().execute("analyze epcis_event, epcis_event_epc, batch"); // the plan of the data as it is now
                try (var explain = SearchService.prepare(c, new SearchSql.Sql("explain (format json) " + sql.text(), sql.args()));
                        var rs = explain.executeQuery()) {
                    rs.next();
                    collect(new ObjectMapper().readTree(rs.getString(1)).get(0).get("Plan"), nodes);
                }
            } finally {
                c.rollback();
            }
        }
        Set<String> used = nodes.stream().filter(n -> n.has("Index Name")).map(n -> n.get("Index Name").asText())
                .collect(Collectors.toSet());
        for (String index : indexes) {
            assertTrue(used.contains(index), index + " in the plan of " + parameters + ": " + nodes);
        }
        nodes.stream().filter(n -> n.get("Node Type").asText().equals("Seq Scan")).forEach(n -> assertFalse(
                Set.of("epcis_event", "epcis_event_epc", "batch").contains(n.get("Relation Name").asText()),
                "a sequential scan of " + n.get("Relation Name") + " for " + parameters));
        assertNotNull(sql.text());
    }

    private static void collect(JsonNode plan, List<JsonNode> nodes) {
        nodes.add(plan);
        if (plan.has("Plans")) {
            plan.get("Plans").forEach(child -> collect(child, nodes));
        }
    }
}
