package city.trace.verify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import city.trace.epcis.EpcisEvent;
import city.trace.epcis.hash.EventHash;
import city.trace.epcis.hash.EventHasher;
import city.trace.epcis.hash.HashVersion;
import city.trace.org.Organization;
import city.trace.support.Anchoring;
import city.trace.support.AnvilNode;
import city.trace.support.Browser;
import city.trace.support.Demo;
import city.trace.support.EpcisDocs;
import city.trace.support.Events;
import city.trace.support.MachineClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * The verification is real: the public page recomputes each event's fingerprint from the stored event, checks
 * its proof and asks the chain node for the root. The database is edited behind the app's back, the node is
 * stopped, and the page must say so.
 */
@QuarkusTest
class VerificationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    AnvilNode anvil;

    @BeforeEach
    void workerReady() {
        Anchoring.awaitWorkerReady();
    }

    /** A loaf of the bakery's bread with one shipping event, captured by the machine client. */
    private static Item shippedItem() {
        String serial = "V" + Browser.unique(8);
        String gtin = Demo.BREAD_GTIN;
        String document = EpcisDocs.document(EpcisDocs.observe("shipping", "2026-11-20T08:00:00.000+01:00",
                List.of(EpcisDocs.sgtin(gtin, serial))));
        given().auth().oauth2(MachineClient.accessToken()).contentType("application/ld+json").body(document)
                .post("/epcis/capture").then().statusCode(202);
        String eventId = given().contentType("application/ld+json").body(document).post("/api/event-hash").then()
                .statusCode(200).extract().jsonPath().getString("hash[0]");
        return new Item("/01/" + gtin + "/21/" + serial, eventId);
    }

    private record Item(String path, String eventId) {
        ValidatableResponse page() {
            return given().accept("text/html").get(path).then().statusCode(200);
        }

        /** Waits until the event's round is FINAL (as the database says: no page or proof checked it yet). */
        Item anchored() {
            Anchoring.awaitStored(List.of(eventId), "FINAL", PATIENCE);
            return this;
        }
    }

    private static void storeBehindTheAppsBack(String eventId, String column, String value) {
        QuarkusTransaction.requiringNew().run(() -> EpcisEvent.getEntityManager()
                .createNativeQuery("update epcis_event set " + column + " = cast(?1 as " + ("hash".equals(column)
                        || "prehash".equals(column) ? "text" : "jsonb") + ") where event_id = ?2")
                .setParameter(1, value).setParameter(2, eventId).executeUpdate());
    }

    private static ObjectNode storedEvent(String eventId) {
        return Demo.read(() -> (ObjectNode) EpcisEvent.findByEventId(eventId).orElseThrow().json());
    }

    @Test
    @TestSecurity(user = "adam", roles = "consortium-admin")
    void anEventChangedInTheDatabaseShowsAsTamperedAndAlertsTheConsortiumAdmin() {
        Item item = shippedItem().anchored();
        item.page().body(containsString("verdict-VERIFIED"), containsString("in block "));

        ObjectNode changed = storedEvent(item.eventId());
        changed.put("eventTime", "2026-11-19T08:00:00.000+01:00"); // shipped a day earlier, says the database now
        storeBehindTheAppsBack(item.eventId(), "event", changed.toString());

        item.page().body(containsString("class=\"verdict verdict-TAMPERED\" role=\"alert\""),
                containsString("step-TAMPERED"), containsString("the stored event no longer matches its fingerprint"),
                not(containsString("verdict-VERIFIED")));
        TamperAlert alert = Demo.read(() -> TamperAlert.<TamperAlert>find("event.eventId", item.eventId()).singleResult());
        assertTrue(!alert.acknowledged);

        given().get("/dashboard").then().statusCode(200)
                .body(containsString("Tamper alerts"), containsString(item.eventId()));
        Browser.open("/dashboard").submit().post("/alerts/" + alert.id + "/acknowledge").then().statusCode(303);
        given().get("/dashboard").then().body(not(containsString(item.eventId())));
        // found again, the event keeps its one (acknowledged) alert
        item.page().body(containsString("verdict-TAMPERED"));
        assertEquals(1L, (long) Demo.read(() -> TamperAlert.count("event.eventId", item.eventId())));
    }

    @Test
    void anEventFiledUnderAnItemInTheIdentifiersIndexBehindTheAppsBackIsNoneOfItsJourney() {
        Item item = shippedItem().anchored();
        Item other = shippedItem().anchored();
        // the index now says the other loaf's shipping names this loaf too; the anchored event does not
        QuarkusTransaction.requiringNew().run(() -> EpcisEvent.getEntityManager().createNativeQuery("""
                insert into epcis_event_epc (epc, role, event_id)
                select ?1, 'epc', id from epcis_event where event_id = ?2""")
                .setParameter(1, "https://id.gs1.org" + item.path()).setParameter(2, other.eventId()).executeUpdate());

        item.page().body(containsString("data-browser-check=\"" + item.eventId() + "\""),
                not(containsString(other.eventId())), containsString("verdict-VERIFIED"));
    }

    @Test
    void aTransformationWhoseInputsCannotBeReadShowsAsTamperedNotAsAnError() {
        String lot = "UNREAD" + Browser.unique(6);
        long made = Events.storeBehindTheRules(Demo.BAKERY, Events.transformation(Demo.BAKERY_PLANT_GLN,
                List.of(Events.quantity("https://id.gs1.org/01/00614141107346/10/IMP" + lot, "20", "KGM")),
                List.of(Events.quantity("https://id.gs1.org/01/" + Demo.BREAD_GTIN + "/10/" + lot, "30", "H87"))));
        // the database now says the bread was made of something no GS1 key can be: the event names nothing readable
        QuarkusTransaction.requiringNew().run(() -> EpcisEvent.getEntityManager().createNativeQuery("""
                update epcis_event set event = jsonb_set(event, '{inputQuantityList,0,epcClass}',
                                                         '"https://id.gs1.org/01/123/10/X"') where id = ?1""")
                .setParameter(1, made).executeUpdate());

        given().accept("text/html").get("/01/" + Demo.BREAD_GTIN + "/10/" + lot).then().statusCode(200)
                .body(containsString("verdict-TAMPERED"), not(containsString("verdict-VERIFIED")));
    }

    @Test
    void rewritingTheFingerprintAlongWithTheEventDoesNotHideIt() {
        Item item = shippedItem().anchored();
        ObjectNode changed = storedEvent(item.eventId());
        changed.put("eventTime", "2026-11-19T08:00:00.000+01:00");
        Map<String, String> prefixes = Demo.read(() -> EpcisEvent.findByEventId(item.eventId()).orElseThrow().prefixes());
        EventHash forged = new EventHasher().hash(changed, prefixes, HashVersion.CBV2_0);
        storeBehindTheAppsBack(item.eventId(), "event", changed.toString());
        storeBehindTheAppsBack(item.eventId(), "hash", forged.hash());
        storeBehindTheAppsBack(item.eventId(), "prehash", forged.prehash());

        item.page().body(containsString("verdict-TAMPERED"),
                containsString("the event&#39;s proof does not lead to its anchored root"));
    }

    @Test
    void eachStepSaysWhichMemberVouchesForItAsTheRegistryRecordsIt() {
        Item item = shippedItem().anchored();
        // the bakery's own account anchored it: a member voted in (on local chains by this node, threshold 1)
        item.page().body(containsString("verdict-VERIFIED"),
                containsString("Anchored by Noorderlicht Mill &amp; Bakery (member since block "),
                containsString(" members)"));
        given().accept("text/html").get(item.path() + "?lang=nl").then()
                .body(containsString("Verankerd door Noorderlicht Mill &amp; Bakery (lid sinds blok "));
        given().accept("text/html").get(item.path() + "?lang=zh").then()
                .body(containsString("由 Noorderlicht Mill &amp; Bakery 锚定（自区块 "));
        String account = Demo.read(() -> Organization.findByCode(MachineClient.ORGANIZATION).orElseThrow()
                .chainAddress);
        JsonPath proof = Anchoring.proof(item.eventId());
        assertEquals("VERIFIED", proof.getString("verification"));
        assertTrue(account.equalsIgnoreCase(proof.getString("member.account")), proof.prettify());
        assertEquals("Noorderlicht Mill & Bakery", proof.getString("member.name"));
        assertTrue(proof.getLong("member.proposal") > 0, proof.prettify());

        // the database names another account as the round's sender: no member vouches for the step as stated
        String sender = storeSenderBehindTheAppsBack(item.eventId(), "0x" + "12".repeat(20));
        try {
            item.page().body(containsString("verdict-NOT_ON_CHAIN"), containsString("badge-TAMPERED"),
                    not(containsString("verdict-VERIFIED")),
                    containsString("no consortium member vouches for it as stated"));
        } finally {
            storeSenderBehindTheAppsBack(item.eventId(), sender);
        }
    }

    /** Sets the sender of the event's anchor round; returns the one it had. */
    private static String storeSenderBehindTheAppsBack(String eventId, String sender) {
        String round = "(select l.round_id from anchor_leaf l join epcis_event e on e.id = l.event_id"
                + " where e.event_id = ?1)";
        return QuarkusTransaction.requiringNew().call(() -> {
            String before = (String) EpcisEvent.getEntityManager()
                    .createNativeQuery("select sender from anchor_round where id = " + round)
                    .setParameter(1, eventId).getSingleResult();
            EpcisEvent.getEntityManager().createNativeQuery("update anchor_round set sender = ?2 where id = " + round)
                    .setParameter(1, eventId).setParameter(2, sender).executeUpdate();
            return before;
        });
    }

    @Test
    void withTheChainNodeDownNothingIsClaimedVerifiedAndNewEventsArePending() {
        Item anchored = shippedItem().anchored(); // anchored, but never verified: its root is not remembered
        anvil.stop();
        try {
            anchored.page().body(containsString("verdict-UNREACHABLE"), not(containsString("verdict-VERIFIED")),
                    not(containsString("badge-VERIFIED")));
            Item pending = shippedItem();
            pending.page().body(containsString("verdict-PENDING"), containsString("badge-PENDING"));

            anvil.restart();
            pending.anchored().page().body(containsString("verdict-VERIFIED"));
            anchored.page().body(containsString("verdict-VERIFIED"));
        } finally {
            anvil.ensureRunning();
        }
    }

    @Test
    void oneVerifiedFinalRootIsRememberedWhileTheNodeIsDown() {
        Item item = shippedItem().anchored();
        item.page().body(containsString("verdict-VERIFIED"));
        anvil.stop();
        try {
            item.page().body(containsString("verdict-VERIFIED"));
        } finally {
            anvil.ensureRunning();
        }
    }
}
