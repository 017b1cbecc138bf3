package city.trace.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import city.trace.support.Browser;
import city.trace.support.KeycloakAdmin;
import city.trace.support.KeycloakResource;
import city.trace.support.WebSession;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Login sessions through the real Keycloak, whose web client issues tokens for a few seconds in the tests
 * ({@link KeycloakResource#WEB_ACCESS_TOKEN_LIFESPAN}): sessions outlive their tokens, CSRF tokens belong to one
 * session, and a form sent after the session ended comes back after the next login.
 */
@QuarkusTest
class SessionTest {

    private static final String REFUSED = "cross-site request forgery protection";

    @TestHTTPResource("/")
    URI app;

    @Test
    void sessionOutlivesItsTokensByRefreshingThem() throws InterruptedException {
        WebSession alice = WebSession.loggedIn(app, "alice");
        String before = alice.cookies().get("q_session");
        waitUntilTokensExpired();

        HttpResponse<String> dashboard = alice.getWithoutRedirects("/dashboard");
        assertEquals(200, dashboard.statusCode(), "still logged in, without a trip to the login page");
        assertTrue(dashboard.body().contains("De Korenaar Farm"));
        assertNotEquals(before, alice.cookies().get("q_session"), "the session cookie holds the renewed tokens");
    }

    @Test
    void sessionLastsAWorkingDay() {
        JsonPath realm = KeycloakAdmin.realm();
        assertEquals(10 * 3600, realm.getInt("ssoSessionMaxLifespan"), "at most 10 hours");
        int idle = realm.getInt("ssoSessionIdleTimeout");
        assertEquals(2 * 3600, idle, "2 hours without a request end it");

        long cookieLifetime = WebSession.loggedIn(app, "bob").cookie("q_session").orElseThrow().getMaxAge();
        long tokenLifetime = KeycloakResource.WEB_ACCESS_TOKEN_LIFESPAN.toSeconds();
        // the browser keeps the session while Keycloak may still renew its tokens, and not longer
        assertTrue(cookieLifetime > idle && cookieLifetime <= idle + tokenLifetime,
                "session cookie Max-Age " + cookieLifetime);
    }

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

    @Test
    void formSentAfterTheSessionEndedReturnsToTheFormAfterTheNextLogin() throws InterruptedException {
        WebSession alice = WebSession.loggedIn(app, "alice");
        Browser.Form form = alice.form("/products/new");
        KeycloakAdmin.endSessionsOf("alice");
        waitUntilTokensExpired(); // the app can no longer renew them

        HttpResponse<String> login = alice.post("/products", Map.of("csrf-token", form.token(), "name", "Spelt"));
        assertTrue(login.uri().toString().startsWith(KeycloakResource.url()), "asked to log in again: " + login.uri());
        HttpResponse<String> back = alice.logIn(login, "alice", "alice");
        assertEquals(200, back.statusCode(), "the form page, not 405 on the path only the form's POST takes");
        assertEquals(app.resolve("/products/new?resubmit"), back.uri());
        assertTrue(back.body().contains("Add product"));

        // the token of the ended session is worth nothing in the new one
        given().redirects().follow(false).cookies(alice.cookies()).formParam("csrf-token", form.token())
                .formParam("name", "Spelt").post("/products")
                .then().statusCode(403).body(containsString(REFUSED));
    }

    @Test
    void aScriptWhoseSessionEndedIsToldSoInsteadOfRedirectedToTheLoginPage() {
        // js/live.js sends this header and stops refreshing on 499; a redirect to Keycloak it could not follow
        given().redirects().follow(false).header("X-Requested-With", "JavaScript").get("/batches/1/events")
                .then().statusCode(499);
    }

    private static void waitUntilTokensExpired() throws InterruptedException {
        Thread.sleep(KeycloakResource.WEB_ACCESS_TOKEN_LIFESPAN.plusSeconds(1).toMillis());
    }
}
