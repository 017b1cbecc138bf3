package city.trace.epcis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.inject.Inject;

import org.apache.http.conn.params.ConnRoutePNames;
import org.junit.jupiter.api.Test;

import city.trace.epcis.EpcisConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The public event hash spends CPU for anyone, so each client address has a budget (a token bucket). The
 * test speaks from its own loopback addresses (127.0.0.2, 127.0.0.3), so that the other tests' budget on
 * 127.0.0.1 is untouched.
 */
@QuarkusTest
class EventHashRateLimitTest {

    @Inject
    EpcisConfig config;

    private static RequestSpecification from(String address) throws UnknownHostException {
        InetAddress local = InetAddress.getByName(address);
        return given().config(RestAssured.config().httpClient(
                HttpClientConfig.httpClientConfig().setParam(ConnRoutePNames.LOCAL_ADDRESS, local)))
                .baseUri("http://127.0.0.1").contentType("application/ld+json").body(EventHashApiTest.minimalDocument());
    }

    @Test
    void aClientOverItsBudgetWaitsWhileOthersAreServed() throws Exception {
        int served = 0;
        Response refused = null;
        for (int i = 0; i < 5_000 && refused == null; i++) {
            Response answer = from("127.0.0.2").post("/api/event-hash");
            if (answer.statusCode() == 429) {
                refused = answer;
            } else {
                assertEquals(200, answer.statusCode(), answer.asString());
                served++;
            }
        }
        assertNotNull(refused, "never limited");
        assertTrue(served >= config.eventHashBurst(), "served " + served + " before the first refusal");
        refused.then().contentType("application/problem+json").header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("status", equalTo(429), "detail", containsString(config.eventHashRequestsPerMinute() + " requests per minute"));

        // the app runs behind no proxy here: a forwarded-for header does not make another client (which would
        // have its whole burst); only what refills meanwhile, about one a second, is served
        int forwardedServed = 0;
        for (int i = 0; i < 20; i++) {
            int status = from("127.0.0.2").header("X-Forwarded-For", "203.0.113.9").post("/api/event-hash").statusCode();
            forwardedServed += status == 200 ? 1 : 0;
        }
        assertTrue(forwardedServed < 10, forwardedServed + " of 20 served");
        from("127.0.0.3").post("/api/event-hash").then().statusCode(200);

        Thread.sleep(Long.parseLong(refused.header("Retry-After")) * 1000);
        from("127.0.0.2").post("/api/event-hash").then().statusCode(200);
    }
}
