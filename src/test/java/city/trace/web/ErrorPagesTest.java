package city.trace.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ErrorPagesTest {

    @Test
    void unknownPageIsAFriendlyNotFoundPage() {
        given().accept("text/html").get("/no/such/page").then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("We could not find that page"), containsString("<main id=\"main\""));
    }

    @Test
    void unknownApiPathIsAProblemDocument() {
        given().get("/api/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404), "title", equalTo("Not Found"), "instance", equalTo("/api/no-such-thing"));
    }

    @Test
    void landingPageIsPublic() {
        given().get("/").then().statusCode(200)
                .body(containsString("Know where it came from."), containsString("href=\"/login\""));
    }
}
