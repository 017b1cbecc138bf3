package city.trace.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import city.trace.support.Demo;
import city.trace.support.KeycloakResource;
import city.trace.support.WebSession;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Logging in and out through the real Keycloak login page, as a browser does (code flow with PKCE). */
@QuarkusTest
class LoginTest {

    @TestHTTPResource("/")
    URI app;

    @Test
    void anonymousVisitorOfAPrivatePageIsSentToKeycloak() {
        given().redirects().follow(false).get("/dashboard").then().statusCode(302)
                .header("Location", startsWith(KeycloakResource.url() + "/realms/citytrace/protocol/openid-connect/auth"));
    }

    @Test
    void aliceLogsInSeesHerFarmAndLogsOut() {
        WebSession browser = new WebSession(app);

        HttpResponse<String> loginPage = browser.get("/dashboard");
        assertTrue(loginPage.uri().toString().startsWith(KeycloakResource.url()), "expected Keycloak's login page");
        HttpResponse<String> dashboard = browser.logIn(loginPage, "alice", "alice");
        assertEquals(app.resolve("/dashboard"), dashboard.uri());
        assertTrue(dashboard.body().contains("De Korenaar Farm"), "dashboard of alice's farm");
        assertTrue(dashboard.body().contains("Alice de Vries"), "name from the ID token");

        HttpResponse<String> afterLogout = browser.get("/logout");
        assertEquals(app.resolve("/").getPath(), afterLogout.uri().getPath());
        assertTrue(afterLogout.body().contains("href=\"/login\""), "landing page shows Log in again");
        HttpResponse<String> again = browser.get("/dashboard");
        assertTrue(again.uri().toString().startsWith(KeycloakResource.url()), "logged out: login asked again");
    }

    /** Keycloak's login page looks like CityTrace, leads back to it and speaks the language chosen in the app. */
    @Test
    void theLoginPageIsCityTracesInTheVisitorsLanguage() {
        WebSession browser = new WebSession(app);
        HttpResponse<String> english = browser.get("/dashboard");
        assertTrue(english.uri().toString().startsWith(KeycloakResource.url()), "Keycloak's login page");
        assertTrue(english.body().contains("/login/citytrace/css/citytrace.css"), "CityTrace's styles");
        assertTrue(english.body().contains("<a href=\"" + app + "\">« Back to CityTrace</a>"), "the way back");
        assertTrue(english.body().contains("lang=\"en\""), "in English");
        for (String language : List.of("en", "nl", "zh-Hans")) {
            assertTrue(english.body().contains("kc_locale=" + language), "offers " + language);
        }

        browser.get("/?lang=nl");
        assertEquals("nl", browser.cookies().get("lang"), "the choice is remembered");
        HttpResponse<String> dutch = browser.get("/dashboard");
        assertTrue(dutch.body().contains("lang=\"nl\"") && dutch.body().contains("« Terug naar CityTrace"),
                () -> "in the language chosen in the app: " + dutch.uri() + " " + dutch.body().substring(0, 200));
        browser.get("/?lang=zh");
        HttpResponse<String> chinese = browser.get("/dashboard");
        assertTrue(chinese.body().contains("« 返回 CityTrace") && chinese.body().contains("登录"), "in Chinese");
        assertEquals(app.resolve("/dashboard"), browser.logIn(chinese, "alice", "alice").uri(), "and logs in");
    }

    /** The trace and search pages link their results as JSON (/api/…): a signed-in browser opens them with its session. */
    @Test
    void aSignedInRegulatorOpensTraceAndSearchResultsAsJson() {
        WebSession browser = WebSession.loggedIn(app, "rita");
        String bread = "https://id.gs1.org/01/" + Demo.BREAD_GTIN + "/10/" + Demo.breadLot();
        for (String page : List.of("/trace?direction=backward&from=" + URLEncoder.encode(bread, StandardCharsets.UTF_8),
                "/search?step=shipping")) {
            Matcher link = Pattern.compile("href=\"([^\"]+)\">As JSON").matcher(browser.get(page).body());
            assertTrue(link.find(), page + " links its results as JSON");
            HttpResponse<String> json = browser.follow(link.group(1));
            assertEquals(200, json.statusCode(), () -> link.group(1) + ": " + json.body());
            assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), link.group(1));
        }
    }

    @Test
    void wrongPasswordStaysOnKeycloak() {
        WebSession browser = new WebSession(app);
        HttpResponse<String> refused = browser.logIn(browser.get("/dashboard"), "alice", "wrong");
        assertTrue(refused.uri().toString().startsWith(KeycloakResource.url()));
        assertTrue(refused.body().contains("Invalid username or password"));
    }
}
