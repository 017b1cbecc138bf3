package city.trace.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import city.trace.support.Demo;
import city.trace.support.KeycloakResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** Security headers on every kind of response, no-store for signed-in users, Secure cookies behind TLS. */
@QuarkusTest
class SecurityHeadersTest {

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        hardened(given().get("/").then().statusCode(200)); // a page
        hardened(given().get("/css/app.css").then().statusCode(200)); // a static file
        hardened(given().accept("text/html").get("/no/such/page").then().statusCode(404)); // the router's own answer
        hardened(given().get("/api/no-such-thing").then().statusCode(404)); // a problem document
        hardened(given().get(journey()).then().statusCode(200)); // a public verification page
        hardened(given().redirects().follow(false).get("/dashboard").then().statusCode(302)); // the login redirect
        hardened(given().redirects().follow(false).formParam("name", "x").post("/products").then().statusCode(302));
    }

    @Test
    void scriptsAndStylesComeOnlyFromTheAppAndFormsGoOnlyToItAndTheLoginServer() {
        String policy = given().get("/").then().extract().header("Content-Security-Policy");
        assertTrue(policy.contains("script-src 'self';"), policy);
        assertTrue(policy.contains("style-src 'self';"), policy);
        assertTrue(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"), policy);
        assertTrue(policy.contains("form-action 'self' " + KeycloakResource.url() + ";"), policy);
        assertTrue(policy.contains("object-src 'none'") && policy.contains("base-uri 'none'"), policy);
    }

    @Test
    @TestSecurity(user = "alice", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
    void pagesForSignedInUsersAreNotStored() {
        given().get("/dashboard").then().statusCode(200).header("Cache-Control", "no-store");
        given().get("/products/new").then().statusCode(200).header("Cache-Control", "no-store");
        // what is the same for everyone keeps its caching
        given().get("/css/app.css").then().statusCode(200).header("Cache-Control", not(containsString("no-store")));
    }

    @Test
    void publicPagesKeepTheirCaching() {
        given().get("/").then().statusCode(200).header("Cache-Control", nullValue());
        given().get(journey()).then().statusCode(200).header("Cache-Control", nullValue());
    }

    @Test
    void cookiesAreSecureBehindATlsProxy() {
        // the CSRF cookie, the public pages' language cookie, and quarkus-oidc's state cookie of a login
        List<String> overTls = new ArrayList<>();
        overTls.addAll(cookiesSetBy(given().header("X-Forwarded-Proto", "https").queryParam("lang", "nl")
                .get(journey())));
        overTls.addAll(cookiesSetBy(given().header("X-Forwarded-Proto", "https").redirects().follow(false)
                .get("/dashboard")));
        for (String name : List.of("citytrace-csrf=", "lang=", "q_auth_")) {
            assertTrue(overTls.stream().anyMatch(c -> c.startsWith(name)), name + " in " + overTls);
        }
        assertTrue(overTls.stream().allMatch(c -> c.matches("(?i).*;\\s*Secure(;.*|$)")), overTls::toString);

        // plain http://localhost (development) keeps cookies usable
        assertTrue(cookiesSetBy(given().get("/")).stream().noneMatch(c -> c.contains("Secure")));
    }

    @Test
    void secureIsAddedOnceToEveryCookie() {
        assertEquals(List.of("a=1; Path=/; Secure", "b=2; Secure; HttpOnly", "c=3; secure"),
                SecurityHeaders.secure(List.of("a=1; Path=/", "b=2; Secure; HttpOnly", "c=3; secure")));
        assertEquals(List.of("secureid=1; Secure"), SecurityHeaders.secure(List.of("secureid=1")));
    }

    @Test
    void formsMayGoToTheLoginServersOrigin() {
        assertTrue(SecurityHeaders.contentSecurityPolicy(URI.create("https://id.example.org:8443/realms/citytrace"))
                .contains("form-action 'self' https://id.example.org:8443;"));
    }

    private static void hardened(ValidatableResponse response) {
        response.header("Content-Security-Policy", allOf(containsString("default-src 'self'"),
                        containsString("frame-ancestors 'none'")))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("same-origin"));
    }

    private static List<String> cookiesSetBy(Response response) {
        return response.headers().getValues("Set-Cookie");
    }

    private static String journey() {
        return "/01/" + Demo.BREAD_GTIN + "/10/" + Demo.breadLot();
    }
}
