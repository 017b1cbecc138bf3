package city.trace.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import city.trace.support.Browser;
import city.trace.support.WebSession;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Login sessions through the real Keycloak: CSRF tokens belong to one session. */
@QuarkusTest
class SessionTest {

    private static final String REFUSED = "cross-site request forgery protection";

    @TestHTTPResource("/")
    URI app;

    @Test
    void csrfTokenOfAnotherLoginIsRefused() {
        WebSession first = WebSession.loggedIn(app, "alice");
        WebSession second = WebSession.loggedIn(app, "alice");
        Browser.Form firstForm = first.form("/products/new");

        // the first login's CSRF cookie planted in the second browser, with the token that goes with it
        Map<String, String> planted = new HashMap<>(second.cookies());
        planted.put("citytrace-csrf", firstForm.cookie());
        given().redirects().follow(false).cookies(planted).formParam("csrf-token", firstForm.token())
                .formParam("name", "x").post("/products")
                .then().statusCode(403).body(containsString(REFUSED));
        // in its own session the same token is fine (the product is incomplete: the form comes back)
        given().redirects().follow(false).cookies(first.cookies()).formParam("csrf-token", firstForm.token())
                .formParam("name", "x").post("/products")
                .then().statusCode(400).body(containsString("id=\"gtin-error\""));
    }
}
