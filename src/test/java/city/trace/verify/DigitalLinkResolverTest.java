package city.trace.verify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import city.trace.gs1.CheckDigit;
import city.trace.support.Anchoring;
import city.trace.support.Browser;
import city.trace.support.Demo;
import city.trace.support.EpcisDocs;
import city.trace.support.MachineClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * The built-in GS1 Digital Link resolver: the paths it answers, how it walks up what it does not know, check
 * digits, and content negotiation between the page and the RFC 9264 linkset.
 */
@QuarkusTest
class DigitalLinkResolverTest {

    private static final String LINKSET = "application/linkset+json";
    private static final String GS1 = "'https://gs1.org/voc/";

    private String breadPath;

    @BeforeEach
    void demoChainAnchored() {
        Anchoring.awaitWorkerReady();
        breadPath = "/01/" + Demo.BREAD_GTIN + "/10/" + Demo.breadLot();
    }

    private static ValidatableResponse page(String path) {
        return given().accept("text/html").get(path).then();
    }

    @Test
    void aLotsPageShowsItsVerifiedJourneyBackToTheFarmThroughTransformations() {
        page(breadPath).statusCode(200).contentType(containsString("text/html")).header("Content-Language", "en")
                .body(containsString("Where Milk bread loaf 800 g comes from"),
                        containsString("Made by Noorderlicht"),
                        // origin, with coordinates on the self-drawn map
                        containsString("Noorderlicht mill and bakery</strong>, Groningen"),
                        containsString("<svg class=\"locator-map\""),
                        // upstream through flour to the wheat farm, and the milk
                        containsString("Korenaar wheat fields, Groningen"),
                        containsString("Input: Winter wheat, bulk · lot W"),
                        containsString("Zonneweide milking parlour"),
                        containsString("Made into Stoneground wheat flour · lot F"),
                        // to the retailer
                        containsString("Stadsmarkt Centrum, Rotterdam"),
                        containsString("class=\"verdict verdict-VERIFIED\""),
                        not(containsString("step-PENDING")), not(containsString("step-TAMPERED")),
                        containsString("id=\"proof-bundle\""), containsString("/js/verify.js"),
                        // nothing from elsewhere: the page works without internet access
                        not(containsString("src=\"http")), not(containsString("href=\"https://fonts")));
    }

    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void aJourneyPageNeverShowsWhoIsSignedInForItIsKeptForEveryVisitor() {
        page(breadPath).statusCode(200).body(containsString("Where Milk bread loaf 800 g comes from"),
                not(containsString("class=\"who\"")), not(containsString("/logout")), containsString("href=\"/login\""));
    }

    @Test
    void browsersThatAcceptGzipGetThePageCompressed() {
        given().accept("text/html").header("Accept-Encoding", "gzip, deflate, br").get(breadPath).then().statusCode(200)
                .header("Content-Encoding", "gzip").header("Vary", containsString("Accept-Encoding"))
                .body(containsString("Korenaar wheat fields"), containsString("verdict-VERIFIED"));
        // without REST Assured's own Accept-Encoding
        given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .accept("text/html").get(breadPath).then().statusCode(200).header("Content-Encoding", nullValue())
                .body(containsString("Korenaar wheat fields"), containsString("verdict-VERIFIED"));
    }

    @Test
    void programsAskingForALinksetGetOne() {
        JsonPath byAccept = given().accept(LINKSET).get(breadPath).then().statusCode(200)
                .contentType(startsWith(LINKSET)).extract().jsonPath();
        JsonPath byLinkType = given().queryParam("linkType", "linkset").get(breadPath).then().statusCode(200)
                .contentType(startsWith(LINKSET)).extract().jsonPath();
        assertEquals(byAccept.getMap(""), byLinkType.getMap(""));
        given().queryParam("linkType", "all").get(breadPath).then().statusCode(200).contentType(startsWith(LINKSET));

        String links = "linkset[0].";
        ValidatableResponse linkset = given().accept(LINKSET).get(breadPath).then();
        linkset.body(links + "anchor", endsWith(breadPath),
                links + GS1 + "defaultLink'[0].href", endsWith(breadPath),
                links + GS1 + "defaultLink'[0].type", equalTo("text/html"),
                links + GS1 + "defaultLink'[0].hreflang", equalTo(List.of("en", "nl", "zh")),
                links + GS1 + "traceability'[0].href", endsWith(breadPath),
                links + GS1 + "pip'[0].href", endsWith("/01/" + Demo.BREAD_GTIN),
                links + "describedby[0].href", endsWith("/api/bundles" + breadPath),
                links + GS1 + "recallStatus'", nullValue());
    }

    @Test
    void anUnknownLotWalksUpToItsProduct() {
        page("/01/" + Demo.BREAD_GTIN + "/10/NO-SUCH-LOT").statusCode(200)
                .body(containsString("Milk bread loaf 800 g"), containsString("We know of no lot NO-SUCH-LOT"),
                        containsString("href=\"" + breadPath + "\""));
        given().accept(LINKSET).get("/01/" + Demo.BREAD_GTIN + "/10/NO-SUCH-LOT").then().statusCode(200)
                .body("linkset[0].anchor", endsWith("/01/" + Demo.BREAD_GTIN),
                        "linkset[0]." + GS1 + "pip'[0].href", endsWith("/01/" + Demo.BREAD_GTIN));
        page("/01/" + Demo.BREAD_GTIN + "/21/NO-SUCH-SERIAL").statusCode(200)
                .body(containsString("Milk bread loaf 800 g"), containsString("We know of no item with serial number NO-SUCH-SERIAL"));
    }

    @Test
    void theProductPageListsItsLots() {
        page("/01/" + Demo.BREAD_GTIN).statusCode(200)
                .body(containsString("Milk bread loaf 800 g"), containsString("href=\"" + breadPath + "\""));
        // GS1 keys are GTIN-14 in Digital Links, but a GTIN-13 (without the leading zero) names the same product
        page("/01/" + Demo.BREAD_GTIN.substring(1)).statusCode(200).body(containsString("Milk bread loaf 800 g"));
    }

    @Test
    void aWrongCheckDigitOrUnknownGtinIsAClearError() {
        String wrongCheckDigit = Demo.BREAD_GTIN.substring(0, 13) + (Demo.BREAD_GTIN.charAt(13) == '9' ? '0' : '9');
        page("/01/" + wrongCheckDigit + "/10/" + Demo.breadLot()).statusCode(400)
                .body(containsString("check digit"), containsString(wrongCheckDigit));
        page("/01/12345/10/X").statusCode(400).body(containsString("12345"));
        String unknown = CheckDigit.append("0871234999999");
        page("/01/" + unknown + "/10/X").statusCode(404).body(containsString("No product with GTIN " + unknown));
        given().accept("application/json").get("/01/" + unknown).then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(404));
    }

    @Test
    void onlyGtin8_12_13And14AreGtins() {
        String bread = Demo.BREAD_GTIN;
        List<String> notGtins = List.of("12345", "1234567", "123456789", "ABCDEFGH", bread.substring(0, 13) + "X",
                "%20" + bread, bread + "%20", "%09" + bread.substring(1), "%E2%80%83" + bread.substring(1),
                "+" + bread.substring(1), "0" + bread, bread.substring(1) + ".0", "%EF%BC%98" + bread.substring(2));
        for (String gtin : notGtins) {
            for (String path : List.of("/01/" + gtin, "/01/" + gtin + "/10/X", "/01/" + gtin + "/21/X")) {
                given().urlEncodingEnabled(false).accept("text/html").get(path).then().statusCode(400)
                        .contentType(startsWith("text/html")).body(containsString("GTIN"));
                given().urlEncodingEnabled(false).accept(LINKSET).get(path).then().statusCode(400)
                        .contentType(startsWith("application/problem+json")).body("detail", containsString("GTIN"));
            }
        }
        // the GTIN-13 of the bread, and a GTIN-8 and GTIN-12 that are well-formed but unknown here
        page("/01/" + bread.substring(1) + "/10/" + Demo.breadLot()).statusCode(200);
        page("/01/" + CheckDigit.append("9638507")).statusCode(404);
        page("/01/" + CheckDigit.append("61414100003")).statusCode(404);
    }

    private static List<String> vary(ValidatableResponse response) {
        String vary = response.extract().header("Vary");
        return vary == null ? List.of() : List.of(vary.split("\\s*,\\s*"));
    }

    @Test
    void answersChosenByTheAcceptHeaderVaryByIt() {
        List<String> paths = List.of(breadPath, "/01/" + Demo.BREAD_GTIN, "/01/" + Demo.BREAD_GTIN + "/10/NO-SUCH-LOT",
                "/01/" + Demo.BREAD_GTIN + "/21/NO-SUCH-SERIAL");
        for (String path : paths) {
            assertTrue(vary(page(path).statusCode(200)).contains("Accept"), path);
            assertTrue(vary(given().accept(LINKSET).get(path).then().statusCode(200)).contains("Accept"), path);
        }
        // the journey page also varies by encoding, language and the language cookie
        assertTrue(vary(given().accept("text/html").header("Accept-Encoding", "gzip").get(breadPath).then())
                .containsAll(List.of("Accept", "Accept-Encoding", "Accept-Language", "Cookie")));
        // errors too are a page or a problem document by Accept
        assertTrue(vary(page("/01/12345").statusCode(400)).contains("Accept"));
        assertTrue(vary(page("/01/" + CheckDigit.append("0871234999999")).statusCode(404)).contains("Accept"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
    void aRecalledLotLinksToItsRecallNotice() {
        String lot = Demo.recordWheatLot("RC");
        String path = "/01/" + Demo.WHEAT_GTIN + "/10/" + lot;
        given().accept(LINKSET).get(path).then().body("linkset[0]." + GS1 + "recallStatus'", nullValue());
        QuarkusTransaction.requiringNew().run(() -> city.trace.batch.Batch.update("status = ?1 where lot = ?2",
                city.trace.batch.Batch.Status.RECALLED, lot));

        given().accept(LINKSET).get(path).then()
                .body("linkset[0]." + GS1 + "recallStatus'[0].href", endsWith(path + "?linkType=gs1:recallStatus"));
        page(path).body(containsString("This lot has been recalled"));
        page(path + "?linkType=gs1:recallStatus").statusCode(200)
                .body(containsString("Recall notice"), containsString(lot));
        page(breadPath + "?linkType=gs1:recallStatus").statusCode(404);
    }

    @Test
    void aSerialisedItemHasItsOwnJourney() {
        String serial = "S" + Browser.unique(8);
        String gtin = Demo.BREAD_GTIN;
        String event = EpcisDocs.observe("shipping", "2026-11-20T08:00:00.000+01:00",
                List.of(EpcisDocs.sgtin(gtin, serial)));
        given().auth().oauth2(MachineClient.accessToken()).contentType("application/ld+json")
                .body(EpcisDocs.document(event)).post("/epcis/capture").then().statusCode(202);

        page("/01/" + gtin + "/21/" + serial).statusCode(200)
                .body(containsString("Where "), containsString("Shipped"), containsString("serial " + serial));
    }

    @Test
    void theVisitorsLanguageComesFromTheirBrowserOrTheirChoice() {
        page(breadPath).body(containsString("<html lang=\"en\""), containsString("aria-current=\"true\">English"));
        given().accept("text/html").header("Accept-Language", "nl-NL,nl;q=0.9,en;q=0.5").get(breadPath).then()
                .header("Content-Language", "nl")
                .body(containsString("<html lang=\"nl\""), containsString("Waar Milk bread loaf 800 g vandaan komt"));
        given().accept("text/html").header("Accept-Language", "zh-CN,zh;q=0.9").get(breadPath).then()
                .header("Content-Language", "zh").body(containsString("<html lang=\"zh\""), containsString("的来源"));
        given().accept("text/html").header("Accept-Language", "de-DE,fr;q=0.8").get(breadPath).then()
                .header("Content-Language", "en");

        // the switcher's choice wins over the browser's, and is remembered
        String remembered = given().accept("text/html").header("Accept-Language", "nl").queryParam("lang", "zh")
                .get(breadPath).then().header("Content-Language", "zh").extract().cookie("lang");
        assertEquals("zh", remembered);
        given().accept("text/html").header("Accept-Language", "nl").cookie("lang", "zh").get(breadPath).then()
                .header("Content-Language", "zh");
        page(breadPath + "?lang=nl").body(containsString("hreflang=\"zh\""), containsString("href=\""
                + breadPath + "?lang=zh\""));
        page("/01/" + Demo.BREAD_GTIN + "?lang=zh").header("Content-Language", "zh");
        given().accept(LINKSET).header("Accept-Language", "zh").get(breadPath).then()
                .body("linkset[0]." + GS1 + "defaultLink'[0].hreflang", hasItem("zh"));
    }
}
