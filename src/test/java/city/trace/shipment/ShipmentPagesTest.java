package city.trace.shipment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import city.trace.batch.Batch;
import city.trace.batch.Unit;
import city.trace.custody.Whereabouts;
import city.trace.org.Organization;
import city.trace.site.Site;
import city.trace.support.Browser;
import city.trace.support.Demo;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

@QuarkusTest
class ShipmentPagesTest {

    /** A fresh in-stock batch of flour at the bakery, so tests do not depend on each other. */
    private static Batch flourBatch(String quantity) {
        return Demo.batch(Demo.FLOUR_GTIN, Demo.BAKERY_PLANT_GLN, "S", quantity, Unit.KGM);
    }

    private static long carrierId() {
        return Demo.read(() -> Organization.findByCode(Demo.CARRIER).orElseThrow().id);
    }

    private static long marketSiteId() {
        return Demo.read(() -> Site.listByOrganization(Organization.findByCode(Demo.MARKET).orElseThrow()).getFirst().id);
    }

    private static long plantId() {
        return Demo.read(() -> Site.findByGln(Demo.BAKERY_PLANT_GLN).orElseThrow().id);
    }

    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void bakeryPlansAShipmentAndMarksItDeparted() {
        Batch flour = flourBatch("800");
        String location = Browser.open("/shipments/new").submit()
                .formParam("originSiteId", plantId()).formParam("destinationSiteId", marketSiteId())
                .formParam("carrierId", carrierId())
                .formParam("batchId", flour.id).formParam("quantity", "750")
                .post("/shipments")
                .then().statusCode(303).header("Location", matchesPattern(".*/shipments/\\d+")).extract().header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        given().get("/shipments/" + id).then().statusCode(200)
                .body(containsString(flour.lot), containsString("750 kg"), containsString("Planned"),
                        containsString("Mark departed"));
        Browser.open("/shipments/" + id).submit().post("/shipments/" + id + "/depart").then().statusCode(303);

        Shipment departed = Demo.read(() -> Shipment.findById(id));
        assertEquals(Shipment.Status.DEPARTED, departed.status);
        assertNotNull(departed.departedAt);
        // shown as its shipping event recorded it: in the sites' offset, labelled
        ZoneOffset offset = ZoneId.of("Europe/Amsterdam").getRules().getOffset(departed.departedAt);
        given().get("/shipments/" + id).then().body(containsString("<dt>Departed</dt><dd><time datetime=\""
                + departed.departedAt + "\">" + departed.departedAt.atOffset(offset).toLocalDateTime().toString()
                        .substring(0, 16).replace('T', ' ') + " (UTC" + offset.getId() + ")</time>"));
        // a partial shipment: the rest stays at the plant
        assertEquals(0, new BigDecimal("50").compareTo(Demo.stockAt(flour, Demo.BAKERY_PLANT_GLN, "KGM")));
        Whereabouts where = Demo.whereabouts(flour);
        assertEquals(Whereabouts.Status.SPLIT, where.status());
        assertEquals(0, new BigDecimal("750").compareTo(where.holdings().stream().filter(Whereabouts.Holding::inTransit)
                .findFirst().orElseThrow().measure().in("KGM")));
    }

    @Test
    @TestSecurity(user = "carol", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.CARRIER))
    void carrierMarksArrivalAfterDeparture() {
        Batch flour = flourBatch("100");
        long id = Demo.read(() -> {
            Shipment s = new Shipment();
            s.shipper = Organization.findByCode(Demo.BAKERY).orElseThrow();
            s.carrier = Organization.findByCode(Demo.CARRIER).orElseThrow();
            s.originSite = Site.findByGln(Demo.BAKERY_PLANT_GLN).orElseThrow();
            s.destinationSite = Site.findById(marketSiteId());
            ShipmentItem item = new ShipmentItem();
            item.shipment = s;
            item.batch = Batch.findById(flour.id);
            item.quantity = BigDecimal.TEN;
            s.items.add(item);
            s.persist();
            return s.id;
        });
        Browser.open("/shipments/" + id).submit().post("/shipments/" + id + "/arrive").then().statusCode(400)
                .body(containsString("Only a departed shipment can arrive"));
        Browser.open("/shipments/" + id).submit().post("/shipments/" + id + "/depart").then().statusCode(303);
        Browser.open("/shipments/" + id).submit().post("/shipments/" + id + "/arrive").then().statusCode(303);

        assertEquals(Shipment.Status.ARRIVED, Demo.read(() -> Shipment.<Shipment>findById(id).status));
        String market = Demo.read(() -> Site.<Site>findById(marketSiteId()).gln);
        assertEquals(0, BigDecimal.TEN.compareTo(Demo.stockAt(flour, market, "KGM")));
        assertEquals(0, new BigDecimal("90").compareTo(Demo.stockAt(flour, Demo.BAKERY_PLANT_GLN, "KGM")));
    }

    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void invalidShipmentIsExplained() {
        Batch flour = flourBatch("50");
        long before = Demo.read(() -> Shipment.count());
        Browser.open("/shipments/new").submit()
                .formParam("originSiteId", plantId()).formParam("destinationSiteId", plantId())
                .formParam("carrierId", carrierId())
                .formParam("batchId", flour.id).formParam("quantity", "60")
                .post("/shipments")
                .then().statusCode(400)
                .body(containsString("The destination must differ from the origin"),
                        containsString("Only 50 kg of lot " + flour.lot + " is at Noorderlicht mill and bakery"),
                        containsString("value=\"60\""));
        Browser.open("/shipments/new").submit()
                .formParam("originSiteId", plantId()).formParam("destinationSiteId", marketSiteId())
                .formParam("carrierId", Demo.read(() -> Organization.findByCode(Demo.MARKET).orElseThrow().id))
                .formParam("batchId", flour.id).formParam("quantity", "")
                .post("/shipments")
                .then().statusCode(400)
                .body(containsString("Choose one of the carriers"), containsString("Enter a quantity for at least one batch"));
        assertEquals(before, (long) Demo.read(() -> Shipment.count()));
    }

    @Test
    @TestSecurity(user = "alice", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
    void outsidersCannotSeeOrMoveAShipment() {
        long bakeryToMarket = Demo.read(() -> Shipment.find("shipper.code", Demo.BAKERY).<Shipment>firstResult().id);
        given().get("/shipments/" + bakeryToMarket).then().statusCode(403);
        Browser.open("/batches/new").submit().post("/shipments/" + bakeryToMarket + "/arrive").then().statusCode(403);
    }
}
