package city.trace.custody;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import city.trace.batch.Batch;
import city.trace.batch.Unit;
import city.trace.epcis.EpcisEvent;
import city.trace.org.Organization;
import city.trace.product.Product;
import city.trace.site.Site;
import city.trace.support.Browser;
import city.trace.support.Demo;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/**
 * Stock per lot and place, following from the events: a partial shipment leaves the rest at home, receiving adds
 * to the receiver, processing takes only what the site holds; the database refuses negative stock, and a replay
 * of the events rebuilds the same stock.
 */
@QuarkusTest
class StockTest {

    private static final BigDecimal TEN = new BigDecimal("10");

    private static Organization org(String code) {
        return Organization.findByCode(code).orElseThrow();
    }

    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void partialShipmentsAndProcessingCountPerSite() {
        Batch wheat = Demo.batch(Demo.WHEAT_GTIN, Demo.FIELDS_GLN, "ST", "12.5", Unit.TNE);
        long shipment = Demo.shipWheatToBakery(wheat, "10");

        // the rest stays at the farm, 10 t are on their way: the lot is in two places
        assertEquals(0, new BigDecimal("2.5").compareTo(Demo.stockAt(wheat, Demo.FIELDS_GLN, "TNE")));
        assertEquals(Whereabouts.Status.SPLIT, Demo.whereabouts(wheat).status());
        given().get("/process/new").then().statusCode(200).body(not(containsString(wheat.lot)));

        Browser.open("/shipments/" + shipment).submit().post("/shipments/" + shipment + "/arrive").then().statusCode(303);
        assertEquals(0, TEN.compareTo(Demo.stockAt(wheat, Demo.BAKERY_PLANT_GLN, "TNE")));
        given().get("/batches/" + wheat.id).then().statusCode(200)
                .body(containsString("Korenaar wheat fields"), containsString("2.5 t"),
                        containsString("Noorderlicht mill and bakery"), containsString("10 t"));

        // bob's process form offers the 10 t that reached him, not the 12.5 t made
        given().get("/process/new").then().statusCode(200).body(containsString(wheat.lot), containsString("10 t"));
        long flour = Demo.read(() -> Product.findByGtin(Demo.FLOUR_GTIN).orElseThrow().id);
        long plant = Demo.read(() -> Site.findByGln(Demo.BAKERY_PLANT_GLN).orElseThrow().id);
        String outputLot = "SF" + Browser.unique(8);
        Browser.Form form = Browser.open("/process/new");
        form.submit().formParam("inputBatchId", wheat.id).formParam("inputQuantity", "11")
                .formParam("productId", flour).formParam("lot", outputLot).formParam("siteId", plant)
                .formParam("productionDate", LocalDate.now().toString()).formParam("quantity", "8000")
                .formParam("unit", "KGM").post("/process")
                .then().statusCode(400).body(containsString("Only 10 t of lot " + wheat.lot
                        + " is at Noorderlicht mill and bakery"));
        Browser.open("/process/new").submit().formParam("inputBatchId", wheat.id).formParam("inputQuantity", "10")
                .formParam("productId", flour).formParam("lot", outputLot).formParam("siteId", plant)
                .formParam("productionDate", LocalDate.now().toString()).formParam("quantity", "8000")
                .formParam("unit", "KGM").post("/process").then().statusCode(303);
        assertEquals(0, BigDecimal.ZERO.compareTo(Demo.stockAt(wheat, Demo.BAKERY_PLANT_GLN, "TNE")));
        assertEquals(0, new BigDecimal("2.5").compareTo(Demo.stockAt(wheat, Demo.FIELDS_GLN, "TNE")));
    }

    @Test
    @TestSecurity(user = "alice", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
    void theRestOfAPartlyShippedLotCanStillBeShippedButNoMore() {
        Batch wheat = Demo.batch(Demo.WHEAT_GTIN, Demo.FIELDS_GLN, "SR", "12.5", Unit.TNE);
        Demo.shipWheatToBakery(wheat, "10");
        long fields = Demo.read(() -> Site.findByGln(Demo.FIELDS_GLN).orElseThrow().id);
        long plant = Demo.read(() -> Site.findByGln(Demo.BAKERY_PLANT_GLN).orElseThrow().id);
        long carrier = Demo.read(() -> org(Demo.CARRIER).id);
        Browser.open("/shipments/new").submit().formParam("originSiteId", fields).formParam("destinationSiteId", plant)
                .formParam("carrierId", carrier).formParam("batchId", wheat.id).formParam("quantity", "3")
                .post("/shipments").then().statusCode(400)
                .body(containsString("Only 2.5 t of lot " + wheat.lot + " is at Korenaar wheat fields"));
        Browser.open("/shipments/new").submit().formParam("originSiteId", fields).formParam("destinationSiteId", plant)
                .formParam("carrierId", carrier).formParam("batchId", wheat.id).formParam("quantity", "2.5")
                .post("/shipments").then().statusCode(303);
    }

    @Test
    void theDatabaseRefusesNegativeStock() {
        Batch wheat = Demo.batch(Demo.WHEAT_GTIN, Demo.FIELDS_GLN, "SN", "1", Unit.TNE);
        long event = Demo.read(() -> EpcisEvent.listNaming(wheat.lotLink()).getFirst().id);
        AgroalDataSource db = Arc.container().instance(AgroalDataSource.class).get();
        SQLException refused = assertThrows(SQLException.class, () -> {
            try (Connection c = db.getConnection(); PreparedStatement insert = c.prepareStatement(
                    "insert into stock_movement (event_id, item, place, holder_id, quantity, unit) "
                            + "values (?, ?, ?, null, -1001, 'KGM')")) {
                insert.setLong(1, event);
                insert.setString(2, wheat.lotLink());
                insert.setString(3, Place.siteOf(Demo.FIELDS_GLN));
                insert.executeUpdate();
            }
        });
        assertEquals("23514", refused.getSQLState()); // check_violation
        assertEquals(0, BigDecimal.ONE.compareTo(Demo.stockAt(wheat, Demo.FIELDS_GLN, "TNE")));
    }

    @Test
    void replayingTheEventsRebuildsTheSameStock() {
        Batch wheat = Demo.batch(Demo.WHEAT_GTIN, Demo.FIELDS_GLN, "SB", "12.5", Unit.TNE);
        Demo.shipWheatToBakery(wheat, "10");
        Map<String, BigDecimal> before = Demo.read(StockTest::balances);
        Arc.container().instance(CustodyReplay.class).get().rebuild(); // its own transaction, with its own timeout
        assertEquals(before, Demo.read(StockTest::balances));
    }

    private static Map<String, BigDecimal> balances() {
        return Stock.<Stock>listAll().stream().collect(Collectors.toMap(s -> s.item + " @ " + s.place + " by " + s.holderId
                + " to " + s.destination, s -> s.quantity.stripTrailingZeros()));
    }
}
