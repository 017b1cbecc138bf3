package city.trace.custody;

import static city.trace.support.Events.objectEvent;
import static city.trace.support.Events.quantity;
import static city.trace.support.Events.transformation;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import city.trace.batch.Batch;
import city.trace.batch.Unit;
import city.trace.epcis.EpcisEvent;
import city.trace.support.Anchoring;
import city.trace.support.Demo;
import city.trace.support.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/**
 * Events stored before the rules existed that break them: intact and anchored, so integrity checks pass, but
 * their recorders were not entitled to make them. Pages show them apart as third-party claims, never as the
 * lot's verified history, and the journey does not follow them.
 */
@QuarkusTest
class ThirdPartyClaimsTest {

    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void aForgedHistoryStoredBeforeTheRulesIsAThirdPartyClaim() {
        Batch bread = Demo.batch(Demo.BREAD_GTIN, Demo.BAKERY_PLANT_GLN, "TP", "100", Unit.H87);
        Batch wheat = Demo.batch(Demo.WHEAT_GTIN, Demo.FIELDS_GLN, "TPW", "3", Unit.TNE);
        String breadLot = Events.lot(bread);
        // alice's claims about bob's lot: made from her wheat, and destroyed
        long forged = Events.storeBehindTheRules(Demo.FARM, transformation(Demo.FIELDS_GLN,
                List.of(quantity(Events.lot(wheat), "1", "TNE")), List.of(quantity(breadLot, "100", "H87"))));
        long destroyed = Events.storeBehindTheRules(Demo.FARM, objectEvent("OBSERVE", "destroying", "destroyed",
                Demo.FIELDS_GLN, quantity(breadLot, "100", "H87")));
        String forgedId = Demo.read(() -> EpcisEvent.<EpcisEvent>findById(forged).eventId);
        Anchoring.await(Demo.read(() -> EpcisEvent.listNaming(breadLot).stream().map(e -> e.eventId).toList()),
                Anchoring.status("FINAL"), Duration.ofSeconds(60));

        String page = "/01/" + Demo.BREAD_GTIN + "/10/" + bread.lot;
        given().get(page).then().statusCode(200)
                .body(containsString("verdict-VERIFIED"), containsString("Claims by others, not vouched for"),
                        containsString("id=\"claim-" + forged + "\""), containsString("id=\"claim-" + destroyed + "\""),
                        containsString("lot-owner"), containsString("De Korenaar Farm"),
                        not(containsString("id=\"step-" + forged + "\"")), not(containsString("id=\"step-" + destroyed + "\"")),
                        // the claimed input is not followed: none of its history is on the page
                        not(containsString(wheat.lot)));
        // the bundle of the page's proofs holds only the lot's own history
        given().get("/api/bundles/01/" + Demo.BREAD_GTIN + "/10/" + bread.lot).then().statusCode(200)
                .body(not(containsString(forgedId)));
        // the maker's batch page marks them, and they count as neither inputs nor its stock
        given().get("/batches/" + bread.id).then().statusCode(200)
                .body(containsString("Third-party claim"), containsString("breaks rule lot-owner"),
                        not(containsString("Made from")), containsString("100 pieces"));
    }
}
