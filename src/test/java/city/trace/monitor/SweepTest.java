package city.trace.monitor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import city.trace.epcis.EpcisEvent;
import city.trace.support.Anchoring;
import city.trace.support.Browser;
import city.trace.support.Demo;
import city.trace.support.EpcisDocs;
import city.trace.support.MachineClient;
import city.trace.verify.TamperAlert;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * The integrity sweep finds a record edited behind the app's back although nobody opens its page, resumes where
 * it stood, and shows its progress and the anchoring state to the consortium admin.
 */
@QuarkusTest
class SweepTest {

    @Inject
    Sweep sweep;

    /** An anchored (FINAL) shipping event of a loaf, captured by the machine client; its eventID. */
    private static String anchoredEvent() {
        Anchoring.awaitWorkerReady();
        String document = EpcisDocs.document(EpcisDocs.observe("shipping", "2026-11-20T08:00:00.000+01:00",
                List.of(EpcisDocs.sgtin(Demo.BREAD_GTIN, "S" + Browser.unique(8)))));
        given().auth().oauth2(MachineClient.accessToken()).contentType("application/ld+json").body(document)
                .post("/epcis/capture").then().statusCode(202);
        String eventId = given().contentType("application/ld+json").body(document).post("/api/event-hash").then()
                .statusCode(200).extract().jsonPath().getString("hash[0]");
        Anchoring.await(List.of(eventId), Anchoring.status("FINAL"), Duration.ofSeconds(60));
        return eventId;
    }

    /** Steps the sweep until it finishes the pass it is in; returns the events it checked meanwhile. */
    private long finishPass() {
        int pass = progress().pass;
        long checked = 0;
        while (progress().pass == pass) {
            checked += sweep.step();
        }
        return checked;
    }

    private static SweepProgress progress() {
        return QuarkusTransaction.requiringNew().call(SweepProgress::current);
    }

    @Test
    void anEventTakenOutOfTheIdentifiersIndexBehindTheAppsBackIsFound() {
        String eventId = anchoredEvent();
        // the loaf's page finds its events through the index: without the row, its shipping is silently gone
        QuarkusTransaction.requiringNew().run(() -> EpcisEvent.getEntityManager()
                .createNativeQuery("delete from epcis_event_epc where event_id = (select id from epcis_event where event_id = ?1)")
                .setParameter(1, eventId).executeUpdate());
        finishPass();
        finishPass();

        TamperAlert alert = Demo.read(() -> TamperAlert.<TamperAlert>find("event.eventId", eventId).singleResult());
        assertTrue(alert.reason.startsWith("the identifiers' index does not list what the event names (missing: epc "
                + "https://id.gs1.org/01/" + Demo.BREAD_GTIN + "/21/S"), alert.reason);
        assertTrue(alert.reason.endsWith("; not named: none)"), alert.reason);
    }

    @Test
    @TestSecurity(user = "adam", roles = "consortium-admin")
    void aRowEditedBehindTheAppsBackIsFoundWithoutAnyoneOpeningItsPage() {
        String eventId = anchoredEvent();
        finishPass(); // whatever earlier tests left: a clean pass to start from
        long stored = QuarkusTransaction.requiringNew().call(() -> EpcisEvent.count());
        assertEquals(stored, progress().lastPassChecked, "a pass checks every stored event");

        QuarkusTransaction.requiringNew().run(() -> EpcisEvent.getEntityManager()
                .createNativeQuery("update epcis_event set event = jsonb_set(event, '{bizStep}', '\"receiving\"') "
                        + "where event_id = ?1")
                .setParameter(1, eventId).executeUpdate());
        assertEquals(0L, (long) Demo.read(() -> TamperAlert.count("event.eventId", eventId)), "no page was opened");

        sweep.step();
        SweepProgress midway = progress();
        assertTrue(midway.position > 0 && midway.checked > 0, "the sweep keeps its place between steps");
        finishPass();

        TamperAlert alert = Demo.read(() -> TamperAlert.<TamperAlert>find("event.eventId", eventId).singleResult());
        assertEquals("the stored event no longer matches its fingerprint", alert.reason);
        assertTrue(progress().lastPassChecked >= stored);
        given().get("/dashboard").then().statusCode(200)
                .body(containsString("Integrity sweep"), containsString(eventId), containsString("Anchoring"),
                        containsString("events waiting for a round"), containsString("Registry contract"),
                        containsString("chain id 31337"),
                        // this node, and each organisation that anchored, admitted by it alone (threshold 1)
                        containsString(" members; 1 must approve"), containsString("CityTrace <code class=\"hash\">"),
                        containsString("De Korenaar Farm <code class=\"hash\">"));
        given().auth().oauth2(MachineClient.metricsToken()).get("/q/metrics").then().statusCode(200)
                .body(containsString("citytrace_sweep_findings"), containsString("citytrace_sweep_checked"));
    }
}
