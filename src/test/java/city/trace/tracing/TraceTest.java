package city.trace.tracing;

import static city.trace.support.Events.quantity;
import static city.trace.support.Events.transformation;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import city.trace.batch.Batch;
import city.trace.batch.Unit;
import city.trace.epcis.EpcisEvent;
import city.trace.epcis.IdentifierRole;
import city.trace.epcis.QueryScope;
import city.trace.org.Organization;
import city.trace.proof.Outcome;
import city.trace.support.Anchoring;
import city.trace.support.Browser;
import city.trace.support.Demo;
import city.trace.support.EpcisDocs;
import city.trace.support.Events;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;

/**
 * Traces over graphs this test records as the bakery (diamonds, cycles, fan-out, packing), read back through the
 * JSON API and the page; and who sees how far.
 */
@QuarkusTest
class TraceTest {

    @Inject
    TraceService traces;

    private static final String BAKERY_PLANT = Demo.BAKERY_PLANT_GLN;

    /** A new lot of the bakery's bread, named only by the events a test records. */
    private static String breadLot(String prefix) {
        return "https://id.gs1.org/01/" + Demo.BREAD_GTIN + "/10/" + prefix + Browser.unique(8);
    }

    private static String flourLot(String prefix) {
        return Events.lot(Demo.batch(Demo.FLOUR_GTIN, BAKERY_PLANT, prefix, "100", Unit.KGM));
    }

    /** A transformation at the bakery's plant using 1 kg of each input to make 5 kg of each output. */
    private static String make(List<String> inputs, List<String> outputs) {
        return transformation(BAKERY_PLANT, inputs.stream().map(lot -> quantity(lot, "1", "KGM")).toList(),
                outputs.stream().map(lot -> quantity(lot, "5", "KGM")).toList());
    }

    /** A flour lot made into two bread lots, both made into a third: recorded, with its lots. */
    private record Diamond(String flour, String left, String right, String joined) {
    }

    private static Diamond diamond(String prefix) {
        Diamond diamond = new Diamond(flourLot(prefix), breadLot(prefix + "L"), breadLot(prefix + "R"),
                breadLot(prefix + "J"));
        record(make(List.of(diamond.flour()), List.of(diamond.left())),
                make(List.of(diamond.flour()), List.of(diamond.right())),
                make(List.of(diamond.left(), diamond.right()), List.of(diamond.joined())));
        return diamond;
    }

    private static void record(String... events) {
        Events.capture(null, events).then().statusCode(202).body("storedCount", equalTo(events.length));
    }

    private static JsonPath trace(String lot, String direction) {
        return given().queryParam("direction", direction).get("/api/trace/" + lot.substring("https://id.gs1.org/".length()))
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Integer> distances(JsonPath trace) {
        Map<String, Integer> distances = new HashMap<>();
        List<Map<String, Object>> nodes = trace.getList("nodes");
        nodes.forEach(node -> distances.put((String) node.get("id"), (Integer) node.get("distance")));
        assertEquals(nodes.size(), distances.size(), "each identifier is one node");
        return distances;
    }

    private static Set<String> links(JsonPath trace) {
        Set<String> links = new HashSet<>();
        List<Map<String, Object>> all = trace.getList("links");
        all.forEach(link -> links.add(link.get("from") + " -> " + link.get("to")));
        return links;
    }

    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void anEventFiledUnderALotInTheIdentifiersIndexBehindTheAppsBackIsNoneOfItsSteps() {
        Diamond diamond = diamond("TF");
        String stranger = flourLot("TS");
        // the index now says the other flour's commissioning names the joined bread lot too; the event does not
        QuarkusTransaction.requiringNew().run(() -> EpcisEvent.getEntityManager().createNativeQuery("""
                insert into epcis_event_epc (epc, role, event_id)
                select ?1, 'class', x.event_id from epcis_event_epc x where x.epc = ?2""")
                .setParameter(1, diamond.joined()).setParameter(2, stranger).executeUpdate());

        JsonPath backward = trace(diamond.joined(), "backward");
        assertEquals(4, backward.getList("events").size());
        // each event shown names a lot of the trace
        assertTrue(backward.getList("events.identifiers", List.class).stream().noneMatch(List::isEmpty));
        assertEquals(Map.of(diamond.joined(), 0, diamond.left(), 1, diamond.right(), 1, diamond.flour(), 2),
                distances(backward));
    }

    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void aDiamondIsWalkedOnceEachWayAndEveryNodeKnowsItsDistance() {
        Diamond diamond = diamond("TD");
        String flour = diamond.flour();
        String left = diamond.left();
        String right = diamond.right();
        String joined = diamond.joined();

        JsonPath backward = trace(joined, "backward");
        assertEquals(Map.of(joined, 0, left, 1, right, 1, flour, 2), distances(backward));
        assertEquals(Set.of(flour + " -> " + left, flour + " -> " + right, left + " -> " + joined, right + " -> " + joined),
                links(backward));
        // the three transformations and the flour's commissioning; nothing else was recorded about these lots
        assertEquals(4, backward.getList("events").size());
        assertEquals("backward", backward.getString("direction").toLowerCase());

        JsonPath forward = trace(flour, "forward");
        assertEquals(Map.of(flour, 0, left, 1, right, 1, joined, 2), distances(forward));
        assertEquals(links(backward), links(forward), "the same links, whichever way they were walked");
    }

    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void anExportsOutlineIsTheTraceWithoutItsEventsReadInFull() {
        Diamond diamond = diamond("TO");
        String flour = diamond.flour();
        String joined = diamond.joined();

        for (Direction direction : Direction.values()) {
            String from = direction == Direction.FORWARD ? flour : joined;
            Trace trace = traces.trace(List.of(from), direction, QueryScope.EVERYTHING);
            Outline outline = traces.outline(List.of(from), direction, QueryScope.EVERYTHING);
            assertEquals(trace.events().stream().map(Trace.Step::eventId).toList(), outline.eventIds(),
                    "the same events, oldest first");
            assertEquals(trace.links(), outline.links());
            assertTrue(outline.nodes().stream().allMatch(node -> node.outcome() == null), "nothing verified yet");
            Map<String, Outcome> outcomes = new HashMap<>();
            trace.events().forEach(step -> outcomes.put(step.eventId(), step.verification().outcome()));
            assertEquals(trace.nodes(), outline.verified(outcomes).nodes(),
                    "verified, the same nodes with the same outcomes as the trace's");
        }
    }

    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void aCycleEndsAndFanOutReachesEveryLot() {
        String flour = flourLot("TC");
        String first = breadLot("TC1");
        String second = breadLot("TC2");
        List<String> fanned = new ArrayList<>();
        List<String> events = new ArrayList<>(List.of(make(List.of(flour), List.of(first)),
                make(List.of(first), List.of(second)),
                // reworked into the flour it came from: first → second → flour → first
                make(List.of(second), List.of(flour))));
        for (int i = 0; i < 6; i++) {
            fanned.add(breadLot("TCF" + i));
            events.add(make(List.of(flour), List.of(fanned.get(i))));
        }
        record(events.toArray(String[]::new));

        Map<String, Integer> forward = distances(trace(flour, "forward"));
        assertEquals(9, forward.size());
        assertEquals(1, forward.get(first));
        assertEquals(2, forward.get(second));
        fanned.forEach(lot -> assertEquals(1, forward.get(lot)));

        JsonPath backward = trace(first, "backward");
        assertEquals(Map.of(first, 0, flour, 1, second, 2), distances(backward));
        assertTrue(links(backward).contains(second + " -> " + flour), "the link closing the cycle is kept");
        // what else was made from the flour is downstream of it, none of first's ancestry
        assertFalse(backward.getString("events").contains("TCF"));
    }

    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void packingLinksAnItemToItsPalletAndThePalletsMoves() {
        String gtin = Demo.BREAD_GTIN;
        String serial = "TP" + Browser.unique(8);
        String item = EpcisDocs.sgtin(gtin, serial);
        String sscc = "urn:epc:id:sscc:" + Demo.BAKERY_PREFIX + ".1" + Browser.unique(9);
        String palletLink = "https://id.gs1.org/00/" + city.trace.gs1.EpcUrn.toDigitalLink(sscc).orElseThrow().keyValue();
        record("""
                {"type": "ObjectEvent", "action": "ADD", "bizStep": "commissioning", "disposition": "active",
                 "eventTime": "2026-11-21T08:00:00.000+01:00", "eventTimeZoneOffset": "+01:00",
                 "readPoint": {"id": "%s"}, "epcList": ["%s"]}""".formatted(Events.location(BAKERY_PLANT), item),
                """
                {"type": "AggregationEvent", "action": "ADD", "bizStep": "packing", "disposition": "in_progress",
                 "eventTime": "2026-11-21T09:00:00.000+01:00", "eventTimeZoneOffset": "+01:00",
                 "readPoint": {"id": "%s"}, "parentID": "%s", "childEPCs": ["%s"]}""".formatted(Events.location(BAKERY_PLANT),
                        sscc, item),
                EpcisDocs.observe("shipping", "2026-11-21T10:00:00.000+01:00", List.of(sscc)));

        JsonPath forward = given().queryParam("from", item).queryParam("direction", "forward").get("/api/trace")
                .then().statusCode(200).extract().jsonPath();
        String itemLink = EpcisDocs.sgtinLink(gtin, serial);
        assertEquals(Map.of(itemLink, 0, palletLink, 1), distances(forward));
        assertEquals(Set.of(itemLink + " -> " + palletLink), links(forward));
        assertEquals(List.of("commissioning", "packing", "shipping"), forward.getList("events.bizStep"));

        JsonPath backward = trace(palletLink, "backward");
        assertEquals(Map.of(palletLink, 0, itemLink, 1), distances(backward));
        assertEquals("logistic unit", backward.getString("nodes[0].kind"));
    }

    @Test
    @TestSecurity(user = "rita", roles = "regulator")
    void aRegulatorTracesTheDemoBreadToTheFarmsEventsAndEachNodeIsVerified() {
        String bread = "https://id.gs1.org/01/" + Demo.BREAD_GTIN + "/10/" + Demo.breadLot();
        String wheat = Demo.read(() -> Batch.<Batch>find("product.gtin = ?1 order by id", Demo.WHEAT_GTIN).firstResult().lotLink());
        String farm = Demo.read(() -> Organization.findByCode(Demo.FARM).orElseThrow().name);
        List<String> eventIds = Demo.read(() -> EpcisEvent.listNamingAny(List.of(bread, wheat), EnumSet.allOf(IdentifierRole.class)).stream()
                .map(event -> event.eventId).toList());
        Anchoring.await(eventIds, Anchoring.status("FINAL"), Duration.ofSeconds(120));

        JsonPath backward = trace(bread, "backward");
        assertEquals(2, distances(backward).get(wheat));
        List<Map<String, Object>> events = backward.getList("events");
        assertTrue(events.stream().anyMatch(e -> farm.equals(e.get("recordedBy")) && "commissioning".equals(e.get("bizStep"))),
                "the farm's own record of the wheat is part of a regulator's trace");
        List<Map<String, Object>> nodes = backward.getList("nodes");
        Map<String, Object> wheatNode = nodes.stream().filter(n -> wheat.equals(n.get("id"))).findFirst().orElseThrow();
        assertEquals("VERIFIED", wheatNode.get("outcome"));
        assertTrue(((List<?>) wheatNode.get("cities")).contains("Groningen"));
        assertEquals(farm, wheatNode.get("owner"));
        events.forEach(e -> assertEquals("VERIFIED", ((Map<?, ?>) e.get("verification")).get("outcome")));

        // the page: graph and tables, the farm named
        given().get("/trace/01/" + Demo.BREAD_GTIN + "/10/" + Demo.breadLot()).then().statusCode(200)
                .body(containsString("<svg class=\"trace-graph\""), containsString("trace-node trace-VERIFIED"),
                        containsString("Winter wheat, bulk"), containsString(farm), containsString("Groningen"));
    }

    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void aManufacturersTraceStopsAtWhatItMaySee() {
        String bread = "https://id.gs1.org/01/" + Demo.BREAD_GTIN + "/10/" + Demo.breadLot();
        String wheat = Demo.read(() -> Batch.<Batch>find("product.gtin = ?1 order by id", Demo.WHEAT_GTIN).firstResult().lotLink());
        String farm = Demo.read(() -> Organization.findByCode(Demo.FARM).orElseThrow().name);
        JsonPath backward = trace(bread, "backward");
        // its own transformation names the wheat; the farm's records of the wheat are not the bakery's to see
        assertEquals(2, distances(backward).get(wheat));
        List<Map<String, Object>> events = backward.getList("events");
        assertFalse(events.isEmpty());
        assertTrue(events.stream().noneMatch(e -> farm.equals(e.get("recordedBy"))));
    }

    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void badRequestsGetProblems() {
        given().queryParam("direction", "sideways").get("/api/trace/01/" + Demo.BREAD_GTIN + "/10/" + Demo.breadLot())
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("detail", containsString("backward or forward"));
        given().get("/api/trace/01/" + Demo.BREAD_GTIN + "/10/NOSUCHLOT").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        given().get("/api/trace/01/12345678901234/10/X").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        given().queryParam("from", "urn:epc:id:sgtin:bad").get("/api/trace").then().statusCode(400);
        given().queryParam("from", " ").get("/trace").then().statusCode(400).body(containsString("Enter a lot"));
    }

    @Test
    void signingInIsNeeded() {
        given().get("/api/trace/01/" + Demo.BREAD_GTIN + "/10/" + Demo.breadLot()).then().statusCode(401);
    }
}
