package city.trace.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.net.URI;

import org.junit.jupiter.api.Test;

import city.trace.product.Product;
import city.trace.support.Browser;
import city.trace.support.Demo;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/**
 * Forms that could not be sent come back with what was typed: after a login that interrupted them (the
 * browser returns with GET to the path only the form's POST takes), and when a field was too large.
 * (The whole way through a real login is in {@link SessionTest}; the browser's side in e2e-tests.)
 */
@QuarkusTest
@TestSecurity(user = "alice", roles = "manufacturer")
@OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
class UnsentFormsTest {

    @TestHTTPResource("/products/new")
    URI productForm;

    @Test
    void aFormsTargetOpenedAfterALoginLeadsBackToTheForm() {
        long wheat = Demo.read(() -> Product.findByGtin(Demo.WHEAT_GTIN).orElseThrow().id);
        backToForm("/batches", "/batches/new?resubmit");
        backToForm("/shipments", "/shipments/new?resubmit");
        backToForm("/process", "/process/new?resubmit");
        backToForm("/products", "/products/new?resubmit");
        backToForm("/products/" + wheat, "/products/" + wheat + "/edit?resubmit");
        backToForm("/shipments/7/depart", "/shipments/7?resubmit");
        backToForm("/shipments/7/arrive", "/shipments/7?resubmit");
    }

    @Test
    void everyPageCarriesTheScriptThatKeepsFormInput() {
        given().get("/products/new").then().statusCode(200).body(containsString("<script src=\"/js/forms.js\" defer>"));
        given().get("/js/forms.js").then().statusCode(200).body(containsString("sessionStorage"));
    }

    @Test
    void descriptionOverItsLengthIsExplainedOnTheFormWithTheTextKept() {
        String description = "Stone-ground. ".repeat(200); // 2800 characters, more than a field held before
        Browser.open("/products/new").submit().formParam("name", "Spelt").formParam("description", description)
                .post("/products")
                .then().statusCode(400)
                .body(containsString("Keep the description under 2000 characters"), containsString(description));
    }

    @Test
    void descriptionOf2000ChineseCharactersFits() {
        // 6000 bytes in UTF-8: the limit is on bytes, and must leave room for any 2000 characters
        Browser.open("/products/new").submit().formParam("name", "Spelt").formParam("description", "麦".repeat(2000))
                .post("/products")
                .then().statusCode(400).body(containsString("id=\"gtin-error\""),
                        not(containsString("id=\"description-error\"")));
    }

    @Test
    void fieldOverTheLimitIsNamedWithAWayBackToTheForm() {
        String huge = "x".repeat(20_000);
        Browser.open("/products/new").submit().accept("text/html").header("Referer", productForm.toString())
                .formParam("name", "Spelt").formParam("description", huge)
                .post("/products")
                .then().statusCode(413).contentType(containsString("text/html"))
                .body(containsString("longer than 16 KB"), containsString("nothing was saved"),
                        containsString("href=\"/products/new?resubmit\""));
        Browser.open("/products/new").submit().accept("application/json")
                .formParam("name", "Spelt").formParam("description", huge)
                .post("/products")
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413), "detail", containsString("longer than 16 KB"));
    }

    private static void backToForm(String target, String formPage) {
        given().redirects().follow(false).accept("text/html").get(target)
                .then().statusCode(303).header("Location", endsWith(formPage));
    }
}
