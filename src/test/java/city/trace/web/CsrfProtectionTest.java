package city.trace.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import city.trace.support.Browser;
import city.trace.support.Demo;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/** A logged-in manufacturer's browser is tricked into posting a form from another site: refused every time. */
@QuarkusTest
@TestSecurity(user = "alice", roles = "manufacturer")
@OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
class CsrfProtectionTest {

    private static final String REFUSED = "cross-site request forgery protection";

    @Test
    void formWithoutTokenIsRefused() {
        given().redirects().follow(false).formParam("name", "x").post("/products")
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
    void csrfCookieIsHttpOnlyAndStrict() {
        given().get("/products/new").then().statusCode(200)
                .header("Set-Cookie", containsString("HttpOnly"))
                .header("Set-Cookie", containsString("SameSite=Strict"));
    }
}
