package city.trace.batch;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import city.trace.product.Product;
import city.trace.site.Site;
import city.trace.support.Browser;
import city.trace.support.Demo;
import city.trace.support.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class BatchPagesTest {

    private static long wheatId() {
        return Demo.read(() -> Product.findByGtin(Demo.WHEAT_GTIN).orElseThrow().id);
    }

    private static long fieldsId() {
        return Demo.read(() -> Site.findByGln(Demo.FIELDS_GLN).orElseThrow().id);
    }

    private static RequestSpecification wheatBatch(String lot) {
        return Browser.open("/batches/new").submit()
                .formParam("productId", wheatId()).formParam("lot", lot).formParam("siteId", fieldsId())
                .formParam("productionDate", LocalDate.now().minusDays(1).toString())
                .formParam("quantity", "12,5").formParam("unit", "TNE");
    }

    @Test
    @TestSecurity(user = "alice", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
    void farmerRecordsBatchAndSeesItsPage() {
        String lot = "T" + Browser.unique(8);
        String location = wheatBatch(lot).post("/batches")
                .then().statusCode(303).header("Location", matchesPattern(".*/batches/\\d+")).extract().header("Location");

        Batch stored = Demo.read(() -> Batch.find("lot", lot).<Batch>singleResult());
        assertEquals(0, new BigDecimal("12.5").compareTo(stored.quantity));
        assertEquals(Unit.TNE, stored.unit);
        assertEquals(Batch.Status.ACTIVE, stored.status);
        given().get(location).then().statusCode(200)
                .body(containsString("Winter wheat, bulk, lot " + lot), containsString("12.5 t"),
                        containsString(Demo.FIELDS_GLN));
        given().get("/dashboard").then().body(containsString(lot));
    }

    /** An event's time is shown as it was recorded: in its own offset, labelled, on the batch page and the public one. */
    @Test
    @TestSecurity(user = "alice", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
    void eventTimesAreShownInTheEventsOwnOffset() {
        Batch batch = Demo.batch(Demo.WHEAT_GTIN, Demo.FIELDS_GLN, "TZ", "10", Unit.TNE);
        Events.storeBehindTheRules(Demo.FARM, """
                {"type": "ObjectEvent", "action": "OBSERVE", "bizStep": "inspecting", "disposition": "active",
                 "eventTime": "2026-11-21T09:00:00.000+05:30", "eventTimeZoneOffset": "+05:30",
                 "readPoint": {"id": "%s"}, "quantityList": [%s]}""".formatted(Events.location(Demo.FIELDS_GLN),
                Events.quantity(Events.lot(batch), "1", "TNE")));

        String shown = "<time datetime=\"2026-11-21T03:30:00Z\">2026-11-21 09:00 (UTC+05:30)</time>";
        given().get("/batches/" + batch.id).then().statusCode(200).body(containsString(shown));
        given().accept("text/html").get("/01/" + Demo.WHEAT_GTIN + "/10/" + batch.lot).then().statusCode(200)
                .body(containsString(shown));
    }

    @Test
    @TestSecurity(user = "alice", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
    void invalidBatchIsExplainedFieldByFieldAndNothingIsStored() {
        long before = Demo.read(() -> Batch.count());
        Browser.open("/batches/new").submit()
                .formParam("productId", wheatId()).formParam("lot", "has space").formParam("siteId", fieldsId())
                .formParam("productionDate", LocalDate.now().plusDays(5).toString())
                .formParam("bestBefore", "2020-01-01")
                .formParam("quantity", "lots").formParam("unit", "BARREL")
                .post("/batches")
                .then().statusCode(400)
                .body(containsString("A lot number has at most 20 letters"),
                        containsString("The production date cannot be in the future"),
                        containsString("Enter a positive number with up to 3 decimals"),
                        containsString("Choose one of the units"),
                        containsString("value=\"has space\""), containsString("value=\"lots\""),
                        containsString("class=\"error-summary\""));
        assertEquals(before, (long) Demo.read(() -> Batch.count()));
    }

    @Test
    @TestSecurity(user = "alice", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
    void lotIsUniquePerProduct() {
        String lot = "U" + Browser.unique(8);
        wheatBatch(lot).post("/batches").then().statusCode(303);
        wheatBatch(lot).post("/batches").then().statusCode(400)
                .body(containsString("Lot " + lot + " of Winter wheat, bulk already exists"));
    }

    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void nobodyRecordsBatchesOfAnotherOrganisationsProductOrSite() {
        Browser.open("/batches/new").submit()
                .formParam("productId", wheatId()).formParam("lot", "STEAL1").formParam("siteId", fieldsId())
                .formParam("productionDate", LocalDate.now().toString())
                .formParam("quantity", "1").formParam("unit", "TNE")
                .post("/batches")
                .then().statusCode(400)
                .body(containsString("Choose one of your products"), containsString("Choose one of your sites"));
    }

    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void anotherOrganisationsBatchIsForbidden() {
        long aliceOnly = Demo.batch(Demo.WHEAT_GTIN, Demo.FIELDS_GLN, "PRIV", "1", Unit.TNE).id;
        given().get("/batches/" + aliceOnly).then().statusCode(403)
                .body(containsString("You do not have access to this"), containsString("belongs to another organisation"));
    }

    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void receiverOfAShipmentSeesTheBatch() {
        // the demo's wheat went to the bakery and was milled there
        long deliveredWheat = Demo.read(() -> Batch.find("product.gtin = ?1 order by id", Demo.WHEAT_GTIN)
                .<Batch>firstResult().id);
        given().get("/batches/" + deliveredWheat).then().statusCode(200).body(containsString("De Korenaar Farm"));
    }

    @Test
    @TestSecurity(user = "rita", roles = "regulator")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.REGULATOR))
    void regulatorSeesEveryBatchButCannotRecordOne() {
        long wheatBatch = Demo.read(() -> Batch.find("product.gtin", Demo.WHEAT_GTIN).<Batch>firstResult().id);
        given().get("/batches/" + wheatBatch).then().statusCode(200);
        given().get("/batches/new").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "alice", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
    void unknownBatchIsAFriendlyNotFoundPage() {
        given().accept("text/html").get("/batches/987654321").then().statusCode(404)
                .body(containsString("We could not find that page"), containsString("There is no batch 987654321"));
    }
}
