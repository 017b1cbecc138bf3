package city.trace.device;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import city.trace.batch.Batch;
import city.trace.epcis.EpcisEvent;
import city.trace.gs1.DigitalLink;
import city.trace.product.Product;
import city.trace.support.Anchoring;
import city.trace.support.Demo;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/**
 * The demo's signed temperature records as people see them: the bread's public page says, in its reader's
 * language, that it was kept in its range by a registered device and draws the chart; the milk's short
 * excursion raised an alert for its owner and for the carrier.
 */
@QuarkusTest
class TemperatureRecordPagesTest {

    private static String breadPath() {
        return DigitalLink.lot(Demo.BREAD_GTIN, Demo.breadLot()).path();
    }

    /** The demo's milk lot, as its Digital Link. */
    private static String milk() {
        return Demo.read(() -> Batch.<Batch>find("product.category", "Dairy").firstResult().lotLink());
    }

    @Test
    void theBreadsPublicPageShowsItsVerifiedTemperatureRecordInEachLanguage() {
        List<String> readingEvents = Demo.read(() -> SignedBatch.<SignedBatch>listAll().stream()
                .map(b -> EpcisEvent.<EpcisEvent>findById(b.eventId).eventId).toList());
        Anchoring.awaitStored(readingEvents, "FINAL", Duration.ofSeconds(60));
        given().get(breadPath()).then().statusCode(200)
                .body(containsString("Temperature on its way"),
                        containsString("Kept between 2 and 8 °C throughout, measured by 1 registered device."),
                        containsString("Each reading is signed by the device that measured it"),
                        containsString("<svg xmlns=\"http://www.w3.org/2000/svg\""), containsString("(verified)"),
                        containsString("Temperature measured"), not(containsString("<script>")));
        given().header("Accept-Language", "nl").get(breadPath()).then().statusCode(200)
                .body(containsString("Steeds tussen 2 en 8 °C gehouden, gemeten door 1 geregistreerd apparaat."),
                        containsString("(gecontroleerd)"));
        given().header("Accept-Language", "zh").get(breadPath()).then().statusCode(200)
                .body(containsString("全程保持在 2 至 8 °C 之间，由 1 台已登记设备测量。"));
        String svg = given().get(breadPath() + "/temperatures.svg").then().statusCode(200)
                .contentType("image/svg+xml").extract().asString();
        assertTrue(svg.startsWith("<svg") && svg.contains("allowed range"), svg);
    }

    @Test
    void theMilksExcursionShowsOnItsPageAndRaisedOneAlert() {
        String milk = milk();
        String path = DigitalLink.parseLot(milk).orElseThrow().path();
        given().get(path).then().statusCode(200).body(containsString("Out of its allowed range for 25 minutes, reaching 8.5 °C"));
        List<ColdChainAlert> alerts = Demo.read(() -> ColdChainAlert.<ColdChainAlert>list("lot", milk));
        assertEquals(1, alerts.size());
        assertEquals(ColdChainAlert.Kind.ABOVE, alerts.getFirst().kind);
    }

    @Test
    void aLotNoDeviceMeasuredHasNoChart() {
        String gtin = Demo.read(() -> Product.<Product>find("name", "Wholemeal rolls, 6 pack").firstResult().gtin);
        Batch rolls = Demo.read(() -> Batch.<Batch>find("product.gtin", gtin).firstResult());
        given().get(DigitalLink.lot(gtin, rolls.lot).path() + "/temperatures.svg").then().statusCode(404);
        given().get(DigitalLink.lot(gtin, rolls.lot).path()).then().statusCode(200)
                .body(not(containsString("Temperature on its way")));
    }

    @Test
    @TestSecurity(user = "zoe", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.DAIRY))
    void theMilksOwnerSeesTheAlertOnItsDashboard() {
        given().get("/dashboard").then().statusCode(200).body(containsString("Cold-chain alerts"),
                containsString(milk()));
        given().get("/cold-chain").then().statusCode(200).body(containsString("above the band for 25 min"));
    }

    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void theBatchPageShowsTheChart() {
        long id = Demo.read(() -> Batch.<Batch>find("product.gtin", Demo.BREAD_GTIN).firstResult().id);
        given().get("/batches/" + id).then().statusCode(200).body(containsString(breadPath() + "/temperatures.svg"));
    }
}
