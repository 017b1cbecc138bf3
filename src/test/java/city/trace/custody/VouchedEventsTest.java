package city.trace.custody;

import static city.trace.support.Events.objectEvent;
import static city.trace.support.Events.quantity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import city.trace.batch.Batch;
import city.trace.batch.Unit;
import city.trace.epcis.EpcisEvent;
import city.trace.support.Demo;
import city.trace.support.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/**
 * Each event is judged once: capture's judgement is remembered when its transaction commits, a verification's
 * when it finds the recorder entitled; events stored behind the rules are judged when first shown, and a broken
 * rule is never remembered as vouched.
 */
@QuarkusTest
class VouchedEventsTest {

    @Inject
    ClaimChecks claimChecks;

    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void capturedEventsAreRememberedAndClaimsByOthersAreJudgedEveryTime() {
        Batch bread = Demo.batch(Demo.BREAD_GTIN, Demo.BAKERY_PLANT_GLN, "VE", "100", Unit.H87);
        String breadLot = Events.lot(bread);
        Events.capture(null, objectEvent("OBSERVE", "inspecting", "active", Demo.BAKERY_PLANT_GLN,
                quantity(breadLot, "100", "H87"))).then().statusCode(202);
        long inspected = Demo.read(() -> EpcisEvent.listNaming(breadLot).stream()
                .filter(e -> "OBSERVE".equals(e.action)).findFirst().orElseThrow().id);
        assertTrue(claimChecks.remembers(inspected), "capture allowed it");

        long owners = Events.storeBehindTheRules(Demo.BAKERY, objectEvent("OBSERVE", "storing", "active",
                Demo.BAKERY_PLANT_GLN, quantity(breadLot, "100", "H87")));
        long others = Events.storeBehindTheRules(Demo.FARM, objectEvent("OBSERVE", "destroying", "destroyed",
                Demo.FIELDS_GLN, quantity(breadLot, "100", "H87")));
        assertFalse(claimChecks.remembers(owners), "not judged yet");
        for (int visit = 0; visit < 2; visit++) {
            var judged = Demo.read(() -> claimChecks.check(
                    List.of(EpcisEvent.findById(owners), EpcisEvent.<EpcisEvent>findById(others))));
            assertEquals(List.of(), judged.get(owners));
            assertEquals("lot-owner", judged.get(others).get(0).rule().code);
        }
        assertTrue(claimChecks.remembers(owners));
        assertFalse(claimChecks.remembers(others));
    }

    @Test
    void idsBeyondTheLargestAreNotRemembered() {
        VouchedEvents vouched = new VouchedEvents();
        vouched.add(7);
        vouched.add(VouchedEvents.LARGEST_ID + 1);
        vouched.add(-1);
        assertTrue(vouched.contains(7));
        assertFalse(vouched.contains(8));
        assertFalse(vouched.contains(VouchedEvents.LARGEST_ID + 1));
        assertFalse(vouched.contains(-1));
    }
}
