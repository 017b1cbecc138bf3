package city.trace.custody;

import static city.trace.support.Events.capture;
import static city.trace.support.Events.objectEvent;
import static city.trace.support.Events.quantity;
import static city.trace.support.Events.transformation;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import city.trace.batch.Batch;
import city.trace.epcis.EpcisEvent;
import city.trace.org.Organization;
import city.trace.product.Product;
import city.trace.site.Site;
import city.trace.support.Browser;
import city.trace.support.Demo;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/**
 * Who may record what, at capture (the API here; the pages go through the same rules): what a security review
 * found possible before — alice (the wheat farm) writing bob's (the bakery's) history — is refused, naming the
 * rule, and nothing is stored.
 */
@QuarkusTest
class RecordingRulesTest {

    private static final String FIRST = "/epcisBody/eventList/0";
    /** A GS1 example company prefix no member owns. */
    private static final String OUTSIDE_LOT = "https://id.gs1.org/01/00614141107346/10/EX";

    private static String breadLot() {
        return "https://id.gs1.org/01/" + Demo.BREAD_GTIN + "/10/" + Demo.breadLot();
    }

    private static String demoWheatLot() {
        return Demo.read(() -> Batch.<Batch>find("product.gtin = ?1 order by id", Demo.WHEAT_GTIN).firstResult().lotLink());
    }

    private static String plantGln() {
        return Demo.BAKERY_PLANT_GLN;
    }

    private static long eventsNaming(String identifier) {
        return Demo.read(() -> (long) EpcisEvent.listNaming(identifier).size());
    }

    @Test
    @TestSecurity(user = "alice", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
    void aForgedTransformationOfAnotherMembersLotIsRefused() {
        String bread = breadLot();
        long before = eventsNaming(bread);
        capture(null, transformation(Demo.FIELDS_GLN, List.of(quantity(demoWheatLot(), "1", "TNE")),
                List.of(quantity(bread, "100", "H87"))))
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("epcisException:SecurityException"),
                        "errors[0].rule", equalTo("lot-owner"),
                        "errors[0].pointer", equalTo(FIRST + "/outputQuantityList/0"),
                        "errors[0].detail", containsString("Noorderlicht Mill & Bakery"),
                        "detail", containsString("nothing was stored"));
        assertEquals(before, eventsNaming(bread));
    }

    @Test
    @TestSecurity(user = "alice", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
    void destroyingAnotherMembersLotIsRefused() {
        capture(null, objectEvent("OBSERVE", "destroying", "destroyed", Demo.FIELDS_GLN, quantity(breadLot(), "10", "H87")))
                .then().statusCode(403).body("errors[0].rule", equalTo("lot-owner"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
    void commissioningALotUnderAnotherMembersPrefixIsRefused() {
        String lot = "https://id.gs1.org/01/" + Demo.BREAD_GTIN + "/10/FAKE" + Browser.unique(6);
        capture(null, objectEvent("ADD", "commissioning", "active", Demo.FIELDS_GLN, quantity(lot, "10", "H87")))
                .then().statusCode(403).body("errors[0].rule", equalTo("lot-owner"));
        assertEquals(0, eventsNaming(lot));
    }

    @Test
    @TestSecurity(user = "alice", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
    void observingGoodsYouHaveNoPartInIsRefused() {
        capture(null, objectEvent("OBSERVE", "inspecting", "active", Demo.FIELDS_GLN, quantity(breadLot(), "1", "H87")))
                .then().statusCode(403).body("errors[0].rule", equalTo("movement-party"),
                        "errors[0].pointer", equalTo(FIRST + "/quantityList/0"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
    void recordingAtAnotherMembersSiteIsRefused() {
        capture(null, objectEvent("OBSERVE", "inspecting", "active", plantGln(), quantity(OUTSIDE_LOT, "1", "KGM")))
                .then().statusCode(403).body("errors", hasSize(1), "errors[0].rule", equalTo("location-owner"),
                        "errors[0].pointer", equalTo(FIRST + "/readPoint/id"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
    void goodsOfNoMemberMayBeRecordedByAnyMember() {
        String lot = OUTSIDE_LOT + Browser.unique(6);
        capture(null, objectEvent("ADD", "commissioning", "active", Demo.FIELDS_GLN, quantity(lot, "5", "KGM")))
                .then().statusCode(202).body("storedCount", equalTo(1));
    }

    @Test
    @TestSecurity(user = "alice", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
    void proceedStoresWhatIsAllowedAndListsTheRefusal() {
        String lot = OUTSIDE_LOT + Browser.unique(6);
        capture("proceed", objectEvent("ADD", "commissioning", "active", Demo.FIELDS_GLN, quantity(lot, "5", "KGM")),
                objectEvent("OBSERVE", "destroying", "destroyed", Demo.FIELDS_GLN, quantity(breadLot(), "1", "H87")))
                .then().statusCode(202).body("success", equalTo(false), "storedCount", equalTo(1),
                        "errors", hasSize(1), "errors[0].status", equalTo(403),
                        "errors[0].instance", equalTo("/epcisBody/eventList/1"),
                        "errors[0].errors[0].rule", equalTo("lot-owner"));
    }

    @Test
    @TestSecurity(user = "carol", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.CARRIER))
    void theCarrierOfAShipmentIsAPartyToIt() {
        // ColdLink carried the demo bread to the market
        capture(null, objectEvent("OBSERVE", "inspecting", "active", carrierGln(), quantity(breadLot(), "1", "H87")))
                .then().statusCode(202);
    }

    @Test
    @TestSecurity(user = "carol", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.CARRIER))
    void aDelegateRecordsLotsOfTheOwnersProductUntilTheDelegationIsWithdrawn() {
        String lot = "https://id.gs1.org/01/" + Demo.FLOUR_GTIN + "/10/CO" + Browser.unique(6);
        String commissioning = objectEvent("ADD", "commissioning", "active", carrierGln(), quantity(lot, "50", "KGM"));
        capture(null, commissioning).then().statusCode(403).body("errors[0].rule", equalTo("lot-owner"));

        long carrier = Demo.read(() -> Organization.findByCode(Demo.CARRIER).orElseThrow().id);
        Demo.read(() -> {
            Arc.container().instance(DelegationService.class).get()
                    .grant(Organization.findByCode(Demo.BAKERY).orElseThrow(), Demo.FLOUR_GTIN, String.valueOf(carrier));
            return null;
        });
        capture(null, commissioning).then().statusCode(202).body("storedCount", equalTo(1));

        Demo.read(() -> Arc.container().instance(DelegationService.class).get().revoke(
                Organization.findByCode(Demo.BAKERY).orElseThrow(), Delegation.findOpen(
                        "https://id.gs1.org/01/" + Demo.FLOUR_GTIN, carrier).orElseThrow().id));
        String another = objectEvent("ADD", "commissioning", "active", carrierGln(),
                quantity(lot.replace("/CO", "/CP"), "50", "KGM"));
        capture(null, another).then().statusCode(403).body("errors[0].rule", equalTo("lot-owner"));
    }

    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void theOwnerDelegatesAndWithdrawsFromTheProductPage() {
        long bread = Demo.read(() -> Product.findByGtin(Demo.BREAD_GTIN).orElseThrow().id);
        long market = Demo.read(() -> Organization.findByCode(Demo.MARKET).orElseThrow().id);
        Browser.open("/products/" + bread + "/edit").submit().formParam("delegateId", market)
                .post("/products/" + bread + "/delegations").then().statusCode(303);
        long delegation = Demo.read(() -> Delegation.findOpen("https://id.gs1.org/01/" + Demo.BREAD_GTIN, market)
                .orElseThrow().id);
        given().get("/products/" + bread + "/edit").then().statusCode(200).body(containsString("Stadsmarkt Rotterdam"),
                containsString("/delegations/" + delegation + "/revoke"));
        // the delegation is an event the owner recorded, on its way to the chain like any other
        long granted = Demo.read(() -> Delegation.<Delegation>findById(delegation).grantedEventId);
        assertEquals(Demo.BAKERY, Demo.read(() -> EpcisEvent.<EpcisEvent>findById(granted).organization.code));

        Browser.open("/products/" + bread + "/edit").submit().formParam("delegateId", market)
                .post("/products/" + bread + "/delegations").then().statusCode(400)
                .body(containsString("may already record lots of this product"));
        Browser.open("/products/" + bread + "/edit").submit()
                .post("/products/" + bread + "/delegations/" + delegation + "/revoke").then().statusCode(303);
        assertEquals(true, Demo.read(() -> Delegation.<Delegation>findById(delegation).revokedEventId != null));
    }

    private static String carrierGln() {
        return Demo.read(() -> Site.listByOrganization(Organization.findByCode(Demo.CARRIER).orElseThrow()).getFirst().gln);
    }
}
