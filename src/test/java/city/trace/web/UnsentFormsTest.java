package city.trace.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import org.junit.jupiter.api.Test;

import city.trace.product.Product;
import city.trace.support.Demo;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/**
 * Forms that could not be sent come back with what was typed: after a login that interrupted them (the
 * browser returns with GET to the path only the form's POST takes).
 * (The whole way through a real login is in {@link SessionTest}; the browser's side in e2e-tests.)
 */
@QuarkusTest
@TestSecurity(user = "alice", roles = "manufacturer")
@OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
class UnsentFormsTest {

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

    private static void backToForm(String target, String formPage) {
        given().redirects().follow(false).accept("text/html").get(target)
                .then().statusCode(303).header("Location", endsWith(formPage));
    }
}
