package city.trace.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import city.trace.support.KeycloakResource;
import city.trace.support.LocalhostBrowserCookies;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Logging in and out through the real Keycloak login page, as a browser does (code flow with PKCE). */
@QuarkusTest
class LoginTest {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]+action=\"([^\"]+)\"");

    @TestHTTPResource("/")
    URI app;

    @Test
    void anonymousVisitorOfAPrivatePageIsSentToKeycloak() {
        given().redirects().follow(false).get("/dashboard").then().statusCode(302)
                .header("Location", startsWith(KeycloakResource.url() + "/realms/citytrace/protocol/openid-connect/auth"));
    }

    @Test
    void aliceLogsInSeesHerFarmAndLogsOut() throws Exception {
        HttpClient browser = newBrowser();

        HttpResponse<String> loginPage = get(browser, app.resolve("/dashboard"));
        assertTrue(loginPage.uri().toString().startsWith(KeycloakResource.url()), "expected Keycloak's login page");
        HttpResponse<String> dashboard = submitLogin(browser, loginPage.body(), "alice", "alice");
        assertEquals(app.resolve("/dashboard"), dashboard.uri());
        assertTrue(dashboard.body().contains("De Korenaar Farm"), "dashboard of alice's farm");
        assertTrue(dashboard.body().contains("Alice de Vries"), "name from the ID token");

        HttpResponse<String> afterLogout = get(browser, app.resolve("/logout"));
        assertEquals(app.resolve("/").getPath(), afterLogout.uri().getPath());
        assertTrue(afterLogout.body().contains("href=\"/login\""), "landing page shows Log in again");
        HttpResponse<String> again = get(browser, app.resolve("/dashboard"));
        assertTrue(again.uri().toString().startsWith(KeycloakResource.url()), "logged out: login asked again");
    }

    @Test
    void wrongPasswordStaysOnKeycloak() throws Exception {
        HttpClient browser = newBrowser();
        HttpResponse<String> loginPage = get(browser, app.resolve("/dashboard"));
        HttpResponse<String> refused = submitLogin(browser, loginPage.body(), "alice", "wrong");
        assertTrue(refused.uri().toString().startsWith(KeycloakResource.url()));
        assertTrue(refused.body().contains("Invalid username or password"));
    }

    private static HttpClient newBrowser() {
        return HttpClient.newBuilder().cookieHandler(new LocalhostBrowserCookies())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    private static HttpResponse<String> get(HttpClient browser, URI uri) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> submitLogin(HttpClient browser, String loginPage, String user, String password)
            throws IOException, InterruptedException {
        Matcher action = FORM_ACTION.matcher(loginPage);
        assertTrue(action.find(), "login form on Keycloak's page");
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
