package city.trace.verify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import city.trace.batch.Batch;
import city.trace.batch.Unit;
import city.trace.epcis.EpcisEvent;
import city.trace.epcis.hash.EventHash;
import city.trace.epcis.hash.EventHasher;
import city.trace.epcis.hash.HashVersion;
import city.trace.support.Anchoring;
import city.trace.support.Demo;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A settled lot's page is kept and served again only while everything it was built from holds: each case keeps a
 * page, changes one thing (as the app would, or behind its back), and the next visit must show the change.
 */
@QuarkusTest
class PageSnapshotsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @BeforeEach
    void workerReady() {
        Anchoring.awaitWorkerReady();
    }

    /** A new wheat lot with its commissioning event FINAL on the chain, its page visited once (and so kept). */
    private Lot keptLot() {
        return keptLot(Demo.batch(Demo.WHEAT_GTIN, Demo.FIELDS_GLN, "K", "5", Unit.TNE), Demo.WHEAT_GTIN);
    }

    /** A lot whose events are all FINAL on the chain, its page visited once (and so kept). */
    private Lot keptLot(Batch batch, String gtin) {
        List<String> events = Demo.read(() -> EpcisEvent.listNaming(batch.lotLink()).stream().map(e -> e.eventId).toList());
        Anchoring.awaitStored(events, "FINAL", PATIENCE);
        Lot lot = new Lot(batch, "/01/" + gtin + "/10/" + batch.lot, events.get(0));
        String built = lot.page();
        assertEquals(built, lot.keptPage(), "the second visit is served the kept page");
        return lot;
    }

    private record Lot(Batch batch, String path, String eventId) {
        String page() {
            return given().accept("text/html").get(path).then().statusCode(200).extract().asString();
        }

        /** The page, which must have been served as kept. */
        String keptPage() {
            double before = kept();
            String page = page();
            assertEquals(before + 1, kept(), "served as kept: " + path);
            return page;
        }
    }

    private static double kept() {
        return Arc.container().instance(MeterRegistry.class).get()
                .counter("citytrace.public.pages", "source", "kept").count();
    }

    private static void behindTheAppsBack(String sql, Object... parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = EpcisEvent.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            query.executeUpdate();
        });
    }

    @Test
    void aSettledPageIsKeptAndServedAsBuilt() {
        Lot lot = keptLot();
        String kept = lot.keptPage();
        given().accept("text/html").get(lot.path()).then().body(containsString("verdict-VERIFIED"));
        assertEquals(kept, lot.keptPage());
    }

    @Test
    void aLotMadeIntoAnotherIsKeptToo() {
        // the demo's bread was made of its flour: the bread's making names the flour as an input, none of its journey
        Batch flour = Demo.read(() -> Batch.<Batch>find(
                "from Batch b join fetch b.product p where p.gtin = ?1 order by b.id", Demo.FLOUR_GTIN).firstResult());
        Lot lot = keptLot(flour, Demo.FLOUR_GTIN);
        given().accept("text/html").get(lot.path()).then().body(containsString("verdict-VERIFIED"));
    }

    @Test
    void anAuditPathChangedAfterKeepingShowsAsTampered() {
        Lot lot = keptLot();
        behindTheAppsBack("update anchor_leaf set leaf_index = leaf_index + 1 where event_id = "
                + "(select id from epcis_event where event_id = ?1)", lot.eventId());
        given().accept("text/html").get(lot.path()).then().body(containsString("verdict-TAMPERED"),
                not(containsString("verdict-VERIFIED")));
    }

    @Test
    void anEventRewrittenWithItsFingerprintAfterKeepingShowsAsTampered() {
        Lot lot = keptLot();
        EpcisEvent stored = Demo.read(() -> EpcisEvent.findByEventId(lot.eventId()).orElseThrow());
        ObjectNode changed = (ObjectNode) stored.json();
        changed.put("eventTime", "2026-11-19T08:00:00.000+01:00");
        EventHash forged = new EventHasher().hash(changed, stored.prefixes(), HashVersion.parse(stored.hashVersion));
        behindTheAppsBack("update epcis_event set event = cast(?1 as jsonb), hash = ?2, prehash = ?3 where event_id = ?4",
                changed.toString(), forged.hash(), forged.prehash(), lot.eventId());
        given().accept("text/html").get(lot.path()).then().body(containsString("verdict-TAMPERED"),
                containsString("the event&#39;s proof does not lead to its anchored root"));
    }

    @Test
    void aColumnThePageShowsEditedAloneShowsAsTampered() {
        Lot lot = keptLot();
        behindTheAppsBack("update epcis_event set biz_step = ?1 where event_id = ?2",
                "https://ref.gs1.org/cbv/BizStep-inspecting", lot.eventId());
        given().accept("text/html").get(lot.path()).then().body(containsString("verdict-TAMPERED"),
                containsString("the stored biz step is not what the event says"), not(containsString("verdict-VERIFIED")));
    }

    @Test
    void aNewEventAboutTheLotShowsAtOnce() {
        Lot lot = keptLot();
        int steps = lot.page().split("class=\"step ", -1).length;
        Demo.shipWheatToBakery(lot.batch(), "1");
        String page = lot.page();
        assertEquals(steps + 1, page.split("class=\"step ", -1).length, "the shipping step shows");
        given().accept("text/html").get(lot.path()).then().body(containsString("verdict-PENDING"));
    }

    @Test
    void aChangedBatchOrRenamedOrganisationShowsAtOnce() {
        Lot lot = keptLot();
        behindTheAppsBack("update batch set quantity = quantity where id = ?1", lot.batch().id);
        double before = kept();
        lot.page();
        assertEquals(before, kept(), "the batch row changed: built anew");
        lot.keptPage();

        String name = Demo.read(() -> Batch.<Batch>findById(lot.batch().id).site.organization.name);
        try {
            behindTheAppsBack("update organization set name = ?1 where name = ?2", "Renamed Fields Cooperative", name);
            given().accept("text/html").get(lot.path()).then().body(containsString("Renamed Fields Cooperative"));
        } finally {
            behindTheAppsBack("update organization set name = ?1 where name = ?2", name, "Renamed Fields Cooperative");
        }
        given().accept("text/html").get(lot.path()).then().body(not(containsString("Renamed Fields Cooperative")));
    }

    @Test
    void aPageWrittenIntoTheDatabaseByOthersIsNotServed() throws IOException {
        Lot lot = keptLot();
        ByteArrayOutputStream forged = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(forged)) {
            gzip.write("<html>forged: all fine</html>".getBytes(StandardCharsets.UTF_8));
        }
        behindTheAppsBack("update page_snapshot set page = ?1 where subject = ?2", forged.toByteArray(), lot.path());
        given().accept("text/html").get(lot.path()).then().body(not(containsString("forged")),
                containsString("verdict-VERIFIED"));
    }
}
