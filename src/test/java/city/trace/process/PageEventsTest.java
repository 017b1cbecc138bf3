package city.trace.process;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import city.trace.batch.Batch;
import city.trace.batch.Unit;
import city.trace.custody.Whereabouts;
import city.trace.gs1.DigitalLink;
import city.trace.org.Organization;
import city.trace.product.Product;
import city.trace.shipment.Shipment;
import city.trace.shipment.ShipmentItem;
import city.trace.site.Site;
import city.trace.support.Browser;
import city.trace.support.Demo;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.ValidatableResponse;

/** What people do in the pages becomes EPCIS events, visible in the query interface and on the batch page. */
@QuarkusTest
class PageEventsTest {

    private static final String EVENTS = "epcisBody.queryResults.resultsBody.eventList";

    private static ValidatableResponse eventsNaming(String parameter, String identifier) {
        return given().queryParam(parameter, identifier).get("/epcis/events").then().statusCode(200);
    }

    private static String lotLink(Batch batch) {
        return Demo.read(() -> DigitalLink.lot(Batch.<Batch>findById(batch.id).product.gtin, batch.lot).toUri());
    }

    @Test
    @TestSecurity(user = "alice", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
    void recordingABatchCommissionsItsLot() {
        long wheat = Demo.read(() -> Product.findByGtin(Demo.WHEAT_GTIN).orElseThrow().id);
        long fields = Demo.read(() -> Site.findByGln(Demo.FIELDS_GLN).orElseThrow().id);
        String lot = "EV" + Browser.unique(8);
        String location = Browser.open("/batches/new").submit()
                .formParam("productId", wheat).formParam("lot", lot).formParam("siteId", fields)
                .formParam("productionDate", "2026-08-01").formParam("bestBefore", "2027-08-01")
                .formParam("quantity", "12").formParam("unit", "TNE")
                .post("/batches").then().statusCode(303).extract().header("Location");

        String lotLink = "https://id.gs1.org/01/" + Demo.WHEAT_GTIN + "/10/" + lot;
        eventsNaming("MATCH_epcClass", lotLink)
                .body(EVENTS, hasSize(1),
                        EVENTS + "[0].type", equalTo("ObjectEvent"), EVENTS + "[0].action", equalTo("ADD"),
                        EVENTS + "[0].bizStep", equalTo("commissioning"),
                        EVENTS + "[0].readPoint.id", equalTo("https://id.gs1.org/414/" + Demo.FIELDS_GLN),
                        EVENTS + "[0].quantityList[0].quantity", equalTo(12),
                        EVENTS + "[0].quantityList[0].uom", equalTo("TNE"),
                        EVENTS + "[0].ilmd.'cbvmda:lotNumber'", equalTo(lot),
                        EVENTS + "[0].ilmd.'cbvmda:bestBeforeDate'", equalTo("2027-08-01"),
                        EVENTS + "[0].eventID", matchesPattern("ni:///sha-256;[0-9a-f]{64}\\?ver=CBV2\\.0"));
        String hash = given().queryParam("MATCH_epcClass", lotLink).get("/epcis/events").jsonPath()
                .getString(EVENTS + "[0].eventID");
        given().get(location).then().statusCode(200)
                .body(containsString(hash), containsString("commissioning"), containsString("Korenaar wheat fields"));
    }

    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void processingRecordsATransformationFromInputLotsToTheOutputLot() {
        Batch flour = Demo.batch(Demo.FLOUR_GTIN, Demo.BAKERY_PLANT_GLN, "PF", "100", Unit.KGM);
        long bread = Demo.read(() -> Product.find("name like 'Milk bread%'").<Product>firstResult().id);
        String outputLot = "PB" + Browser.unique(8);
        String location = Browser.open("/process/new").submit()
                .formParam("inputBatchId", flour.id).formParam("inputQuantity", "100")
                .formParam("productId", bread).formParam("lot", outputLot)
                .formParam("siteId", flour.site.id).formParam("productionDate", LocalDate.now().toString())
                .formParam("quantity", "250").formParam("unit", "H87")
                .post("/process").then().statusCode(303).extract().header("Location");

        eventsNaming("MATCH_inputEPCClass", lotLink(flour))
                .body(EVENTS, hasSize(1), EVENTS + "[0].type", equalTo("TransformationEvent"),
                        EVENTS + "[0].inputQuantityList[0].quantity", equalTo(100),
                        EVENTS + "[0].outputQuantityList[0].epcClass", containsString("/10/" + outputLot),
                        EVENTS + "[0].ilmd.'cbvmda:lotNumber'", equalTo(outputLot));
        assertEquals(Whereabouts.Status.USED_UP, Demo.whereabouts(flour).status());
        given().get(location).then().statusCode(200).body(containsString("commissioning"));
    }

    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void processingRefusesWhatIsNotAtYourSites() {
        long wheatOfOthers = Demo.batch(Demo.WHEAT_GTIN, Demo.FIELDS_GLN, "NA", "10", Unit.TNE).id;
        Browser.open("/process/new").submit()
                .formParam("inputBatchId", wheatOfOthers).formParam("inputQuantity", "1")
                .formParam("lot", "").post("/process")
                .then().statusCode(400).body(containsString("This batch is not at your sites"),
                        containsString("Enter the lot number"));
    }

    @Test
    @TestSecurity(user = "carol", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.CARRIER))
    void departureAndArrivalAreShippingAndReceivingEvents() {
        Batch flour = Demo.batch(Demo.FLOUR_GTIN, Demo.BAKERY_PLANT_GLN, "SH", "40", Unit.KGM);
        Demo.read(() -> {
            Batch b = Batch.findById(flour.id);
            Shipment s = new Shipment();
            s.shipper = Organization.findByCode(Demo.BAKERY).orElseThrow();
            s.carrier = Organization.findByCode(Demo.CARRIER).orElseThrow();
            s.originSite = b.site;
            s.destinationSite = Site.listByOrganization(Organization.findByCode(Demo.MARKET).orElseThrow()).getFirst();
            ShipmentItem item = new ShipmentItem();
            item.shipment = s;
            item.batch = b;
            item.quantity = new BigDecimal("40");
            s.items.add(item);
            s.persist();
            return s.id;
        });
        long shipment = Demo.read(() -> ShipmentItem.listByBatch(Batch.findById(flour.id)).getFirst().shipment.id);
        Browser.open("/shipments/" + shipment).submit().post("/shipments/" + shipment + "/depart").then().statusCode(303);
        Browser.open("/shipments/" + shipment).submit().post("/shipments/" + shipment + "/arrive").then().statusCode(303);

        List<String> steps = given().queryParam("MATCH_epcClass", lotLink(flour)).get("/epcis/events").jsonPath()
                .getList(EVENTS + ".bizStep");
        assertEquals(List.of("shipping", "receiving"), steps);
        eventsNaming("MATCH_epcClass", lotLink(flour))
                .body(EVENTS + "[0].disposition", equalTo("in_transit"),
                        EVENTS + "[0].sourceList[0].source", equalTo("https://id.gs1.org/414/" + Demo.BAKERY_PLANT_GLN),
                        EVENTS + "[1].bizLocation.id", containsString("https://id.gs1.org/414/"));
    }
}
