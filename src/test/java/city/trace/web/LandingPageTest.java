package city.trace.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import city.trace.support.Demo;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** The landing page's Digital Link box, for visitors without a camera, and its link to the demo's lot. */
@QuarkusTest
class LandingPageTest {

    private static ValidatableResponse lookup(String gtin, String lot) {
        return given().redirects().follow(false).accept("text/html").queryParam("gtin", gtin).queryParam("lot", lot)
                .get("/lookup").then();
    }

    private static String breadPath() {
        return "/01/" + Demo.BREAD_GTIN + "/10/" + Demo.breadLot();
    }

    @Test
    void theGtinAndLotPrintedOnAPackageLeadToItsJourney() {
        // as printed under a barcode: GTIN-13, in groups
        String printed = Demo.BREAD_GTIN.substring(1, 2) + " " + Demo.BREAD_GTIN.substring(2, 8) + " "
                + Demo.BREAD_GTIN.substring(8);
        String journey = lookup(printed, " " + Demo.breadLot() + " ").statusCode(303)
                .header("Location", endsWith(breadPath())).extract().header("Location");
        given().accept("text/html").get(journey).then().statusCode(200)
                .body(containsString("Where Milk bread loaf 800 g comes from"));
    }

    @Test
    void aPastedDigitalLinkLeadsToThePageItNames() {
        lookup("https://id.gs1.org/01/" + Demo.BREAD_GTIN + "/10/" + Demo.breadLot() + "?exp=261231", "")
                .statusCode(303).header("Location", endsWith(breadPath()));
        // a link on another resolver, with a consumer product variant, and a typed lot for a link without one
        lookup("https://shop.example/gtin/" + Demo.BREAD_GTIN + "/cpv/2/lot/" + Demo.breadLot(), "").statusCode(303)
                .header("Location", endsWith(breadPath()));
        lookup("https://id.gs1.org/01/" + Demo.BREAD_GTIN, Demo.breadLot()).statusCode(303)
                .header("Location", endsWith(breadPath()));
        lookup("https://id.gs1.org/01/" + Demo.BREAD_GTIN + "/21/LOAF-7", "").statusCode(303)
                .header("Location", endsWith("/01/" + Demo.BREAD_GTIN + "/21/LOAF-7"));
    }

    @Test
    void badInputIsExplainedOnTheLandingPageWithWhatWasTyped() {
        String wrongCheckDigit = Demo.BREAD_GTIN.substring(0, 13) + (Demo.BREAD_GTIN.charAt(13) == '9' ? '0' : '9');
        lookup(wrongCheckDigit, "B1").statusCode(400)
                .body(containsString("class=\"error-summary\""), containsString("GTIN check digit is wrong: expected "
                        + Demo.BREAD_GTIN.charAt(13)), containsString("value=\"" + wrongCheckDigit + "\""),
                        containsString("value=\"B1\""), containsString("Know where it came from."));
        lookup(Demo.BREAD_GTIN, "  ").statusCode(400).body(containsString("Lot is required"),
                not(containsString("GTIN check")));
        lookup("my bread", "yesterday's").statusCode(400).body(containsString("GTIN must contain digits only"));
        lookup(Demo.BREAD_GTIN, "lot with spaces").statusCode(400)
                .body(containsString("A lot may contain only letters (A–Z, a–z), digits and the signs"));
        lookup(Demo.BREAD_GTIN, "L".repeat(21)).statusCode(400).body(containsString("A lot has at most 20 characters"));
        lookup("https://example.com/about", "").statusCode(400).body(containsString("no GS1 Digital Link"));
        lookup("https://id.gs1.org/01/" + wrongCheckDigit + "/10/B1", "").statusCode(400)
                .body(containsString("This Digital Link is not valid"));
        lookup("https://id.gs1.org/414/" + Demo.FIELDS_GLN, "").statusCode(400)
                .body(containsString("names a GLN, not a product"));
        lookup(null, null).statusCode(400).body(containsString("GTIN is required"), containsString("Lot is required"));
    }

    @Test
    void theLandingPageLinksToTheDemoLotWhereThereIsOne() {
        given().accept("text/html").get("/").then().statusCode(200)
                .body(containsString("<form method=\"get\" action=\"/lookup\""),
                        containsString("<a href=\"" + breadPath() + "\">Or see an example"));
    }
}
