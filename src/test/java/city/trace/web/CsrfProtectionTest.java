package city.trace.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import city.trace.batch.Batch;
import city.trace.batch.Unit;
import city.trace.org.Organization;
import city.trace.shipment.Shipment;
import city.trace.site.Site;
import city.trace.support.Browser;
import city.trace.support.Demo;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/**
 * A logged-in manufacturer's browser is tricked into posting a form from another site: refused every time.
 * (That a token is bound to its login session is shown with real logins in {@link SessionTest}.)
 */
@QuarkusTest
@TestSecurity(user = "alice", roles = "manufacturer")
@OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
class CsrfProtectionTest {

    private static final String REFUSED = "cross-site request forgery protection";

    @TestHTTPResource("/")
    URI app;

    @Test
    void formWithoutTokenIsRefused() {
        // the browser sends the cookies it holds for the site (one that ignores SameSite does so cross-site too)
        given().redirects().follow(false).cookie("citytrace-csrf", Browser.open("/products/new").cookie())
                .formParam("name", "x").post("/products")
                .then().statusCode(403).body(containsString(REFUSED));
    }

    @Test
    void tokenOfAnotherBrowserIsRefused() {
        Browser.Form mine = Browser.open("/products/new");
        Browser.Form theirs = Browser.open("/products/new");
        given().redirects().follow(false).cookie("citytrace-csrf", mine.cookie()).formParam("csrf-token", theirs.token())
                .formParam("name", "x").post("/products")
                .then().statusCode(403).body(containsString(REFUSED));
    }

    @Test
    void crossSiteOriginIsRefusedEvenWithAValidToken() {
        Browser.open("/products/new").submit().header("Origin", "https://evil.example")
                .formParam("name", "x").post("/products")
                .then().statusCode(403);
        Browser.open("/products/new").submit().header("Origin", "null")
                .formParam("name", "x").post("/products")
                .then().statusCode(403);
    }

    @Test
    void crossSiteFetchMetadataIsRefusedEvenWithAValidToken() {
        Browser.open("/products/new").submit().header("Sec-Fetch-Site", "cross-site")
                .formParam("name", "x").post("/products")
                .then().statusCode(403);
    }

    @Test
    void sameOriginFormWithTokenIsProcessed() {
        // the product is incomplete: the form comes back with messages instead of a refusal
        Browser.open("/products/new").submit().header("Sec-Fetch-Site", "same-origin")
                .formParam("name", "x").post("/products")
                .then().statusCode(400).body(containsString("id=\"gtin-error\""));
    }

    @Test
    void aTokenSignedWithTheConfiguredSecretIsAcceptedOneSignedWithAnotherIsRefused() {
        Browser.Form page = Browser.open("/products/new");
        // what this browser's token is on any instance with this secret, and on this one after a restart; the test
        // login has no Keycloak session id (sid)
        String session = "alice\n";
        String sameSecret = new CsrfSigner(ConfigProvider.getConfig().getOptionalValue("citytrace.web.csrf-secret",
                String.class)).sign(page.cookie(), session);
        String anotherSecret = new CsrfSigner(Optional.of("the-csrf-secret-of-another-site-0123456789"))
                .sign(page.cookie(), session);
        given().redirects().follow(false).cookie("citytrace-csrf", page.cookie()).formParam("csrf-token", sameSecret)
                .formParam("name", "x").post("/products")
                .then().statusCode(400).body(containsString("id=\"gtin-error\""));
        given().redirects().follow(false).cookie("citytrace-csrf", page.cookie()).formParam("csrf-token", anotherSecret)
                .formParam("name", "x").post("/products")
                .then().statusCode(403).body(containsString(REFUSED));
    }

    @Test
    void postWithoutContentTypeOrTokenIsRefused() throws Exception {
        long shipment = plannedShipment();
        Browser.Form page = Browser.open("/shipments/" + shipment);
        // REST Assured would add a form Content-Type: a bare POST, as curl or fetch() send it
        HttpResponse<String> bare = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(app.resolve("/shipments/" + shipment + "/depart"))
                .header("Cookie", "citytrace-csrf=" + page.cookie()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, bare.statusCode());
        assertTrue(bare.body().contains(REFUSED));
        given().redirects().follow(false).cookie("citytrace-csrf", page.cookie()).contentType("application/json").body("{}")
                .post("/shipments/" + shipment + "/depart")
                .then().statusCode(403);
        given().redirects().follow(false).cookie("citytrace-csrf", page.cookie()).contentType("text/plain")
                .body("csrf-token=" + page.token())
                .post("/shipments/" + shipment + "/depart")
                .then().statusCode(403);
        assertEquals(Shipment.Status.PLANNED, status(shipment));
    }

    @Test
    void tokenInTheHeaderIsAccepted() {
        long shipment = plannedShipment();
        Browser.Form page = Browser.open("/shipments/" + shipment);
        given().redirects().follow(false).cookie("citytrace-csrf", page.cookie()).header("X-CSRF-Token", page.token())
                .post("/shipments/" + shipment + "/depart")
                .then().statusCode(303);
        assertEquals(Shipment.Status.DEPARTED, status(shipment));
    }

    @Test
    void requestWithoutCookiesNeedsNoToken() {
        // a program with a bearer token sends no cookies: nothing a browser could be tricked into sending
        long shipment = plannedShipment();
        given().redirects().follow(false).post("/shipments/" + shipment + "/depart").then().statusCode(303);
        assertEquals(Shipment.Status.DEPARTED, status(shipment));
    }

    @Test
    void csrfCookieIsHttpOnlyAndStrict() {
        given().get("/products/new").then().statusCode(200)
                .header("Set-Cookie", containsString("HttpOnly"))
                .header("Set-Cookie", containsString("SameSite=Strict"));
    }

    /** A shipment of a fresh wheat lot from the farm to the bakery, planned through the form. */
    private static long plannedShipment() {
        Batch wheat = Demo.batch(Demo.WHEAT_GTIN, Demo.FIELDS_GLN, "C", "5", Unit.TNE);
        long fields = Demo.read(() -> Site.findByGln(Demo.FIELDS_GLN).orElseThrow().id);
        long plant = Demo.read(() -> Site.findByGln(Demo.BAKERY_PLANT_GLN).orElseThrow().id);
        long carrier = Demo.read(() -> Organization.findByCode(Demo.CARRIER).orElseThrow().id);
        String location = Browser.open("/shipments/new").submit()
                .formParam("originSiteId", fields).formParam("destinationSiteId", plant).formParam("carrierId", carrier)
                .formParam("batchId", wheat.id).formParam("quantity", "5")
                .post("/shipments").then().statusCode(303).extract().header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private static Shipment.Status status(long shipment) {
        return Demo.read(() -> Shipment.<Shipment>findById(shipment).status);
    }
}
