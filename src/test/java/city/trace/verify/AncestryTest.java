package city.trace.verify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import city.trace.batch.Batch;
import city.trace.epcis.EpcisEvent;
import city.trace.org.Organization;
import city.trace.product.Product;
import city.trace.site.Site;
import city.trace.support.Anchoring;
import city.trace.support.Browser;
import city.trace.support.Demo;
import city.trace.support.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/**
 * A lot's public journey is its ancestry: its own events, and each input's history up to the point it was used
 * — never what else was made from the same inputs, nor what happened to them later.
 */
@QuarkusTest
@TestSecurity(user = "bob", roles = "manufacturer")
@OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
class AncestryTest {

    private static Batch demo(String gtin) {
        return Demo.read(() -> Batch.<Batch>find("from Batch b join fetch b.product p join fetch p.organization "
                + "where p.gtin = ?1 order by b.id", gtin).firstResult());
    }

    private static long plant() {
        return Demo.read(() -> Site.findByGln(Demo.BAKERY_PLANT_GLN).orElseThrow().id);
    }

    @Test
    void theDemoBreadsJourneyShowsNoOtherLotMadeFromTheSameInputs() {
        Anchoring.awaitWorkerReady();
        Batch flour = demo(Demo.FLOUR_GTIN);
        long bread = Demo.read(() -> Product.findByGtin(Demo.BREAD_GTIN).orElseThrow().id);
        String otherBread = "OB" + Browser.unique(8);
        // another bread lot from the same flour, made after the demo bread
        Browser.open("/process/new").submit().formParam("inputBatchId", flour.id).formParam("inputQuantity", "20")
                .formParam("productId", bread).formParam("lot", otherBread).formParam("siteId", plant())
                .formParam("productionDate", LocalDate.now().toString()).formParam("quantity", "40")
                .formParam("unit", "H87").post("/process").then().statusCode(303);
        // and the flour shipped on afterwards
        long shipment = shipFlour(flour);

        String breadPage = "/01/" + Demo.BREAD_GTIN + "/10/" + Demo.breadLot();
        String demoBread = demo(Demo.BREAD_GTIN).lotLink();
        Instant breadMade = Demo.read(() -> EpcisEvent.listNaming(demoBread).stream()
                .filter(e -> e.eventType.equals("TransformationEvent")).findFirst().orElseThrow().eventTime);
        List<Long> laterFlourEvents = Demo.read(() -> EpcisEvent.listNaming(flour.lotLink()).stream()
                .filter(e -> e.eventTime.isAfter(breadMade)).map(e -> e.id).toList());
        assertTrue(laterFlourEvents.size() >= 2, "the other bread's transformation and the shipping, at least");
        given().accept("text/html").get(breadPage).then().statusCode(200)
                .body(containsString("Input: Stoneground wheat flour"), not(containsString(otherBread)),
                        not(containsString("Made into Milk bread loaf 800 g · lot " + otherBread)));
        for (long later : laterFlourEvents) {
            given().accept("text/html").get(breadPage).then().body(not(containsString("id=\"step-" + later + "\"")));
        }
        // the flour's own page is its own history: made from wheat, shipped; not what it was made into
        given().accept("text/html").get("/01/" + Demo.FLOUR_GTIN + "/10/" + flour.lot).then().statusCode(200)
                .body(containsString("Input: Winter wheat, bulk"), not(containsString(otherBread)),
                        not(containsString("Milk bread loaf 800 g · lot")));
        given().get("/shipments/" + shipment).then().statusCode(200);
    }

    @Test
    void batchPagesListInputsAndOutputsWithLinks() {
        Batch flour = demo(Demo.FLOUR_GTIN);
        Batch wheat = demo(Demo.WHEAT_GTIN);
        Batch bread = demo(Demo.BREAD_GTIN);
        Batch milk = demo(Demo.read(() -> Product.<Product>find("name", "Raw whole milk").firstResult().gtin));
        given().get("/batches/" + bread.id).then().statusCode(200)
                .body(containsString("Made from"), containsString("href=\"/batches/" + flour.id + "\""),
                        containsString("href=\"/batches/" + milk.id + "\""));
        given().get("/batches/" + flour.id).then().statusCode(200)
                .body(containsString("href=\"/batches/" + wheat.id + "\""), containsString("Used to make"),
                        containsString("href=\"/batches/" + bread.id + "\""));
        // the wheat came to the bakery, so bob sees the farm's batch and what his bakery made of it
        given().get("/batches/" + wheat.id).then().statusCode(200)
                .body(containsString("Used to make"), containsString("href=\"/batches/" + flour.id + "\""));
    }

    @Test
    void goodsFromOutsideTheConsortiumAreTheirRecordersClaim() {
        String imported = "https://id.gs1.org/01/00614141107346/10/IMP" + Browser.unique(6);
        String bread = "OUT" + Browser.unique(6);
        String breadLot = "https://id.gs1.org/01/" + Demo.BREAD_GTIN + "/10/" + bread;
        Events.capture(null, Events.objectEvent("ADD", "receiving", "in_progress", Demo.BAKERY_PLANT_GLN,
                Events.quantity(imported, "20", "KGM"))).then().statusCode(202);
        Events.capture(null, Events.transformation(Demo.BAKERY_PLANT_GLN, List.of(Events.quantity(imported, "20", "KGM")),
                List.of(Events.quantity(breadLot, "30", "H87")))).then().statusCode(202);
        given().accept("text/html").get("/01/" + Demo.BREAD_GTIN + "/10/" + bread).then().statusCode(200)
                .body(containsString("Input: GTIN 00614141107346 · lot IMP"),
                        containsString("The brand owner of this product is not a member of the consortium: this step is "
                                + "only Noorderlicht Mill &amp; Bakery&#39;s own claim."));
    }

    private static long shipFlour(Batch flour) {
        long market = Demo.read(() -> Site.listByOrganization(Organization.findByCode(Demo.MARKET).orElseThrow())
                .getFirst().id);
        long carrier = Demo.read(() -> Organization.findByCode(Demo.CARRIER).orElseThrow().id);
        String location = Browser.open("/shipments/new").submit().formParam("originSiteId", plant())
                .formParam("destinationSiteId", market).formParam("carrierId", carrier)
                .formParam("batchId", flour.id).formParam("quantity", "5").post("/shipments")
                .then().statusCode(303).extract().header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Browser.open("/shipments/" + id).submit().post("/shipments/" + id + "/depart").then().statusCode(303);
        return id;
    }
}
