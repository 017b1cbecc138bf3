package city.trace.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import city.trace.support.MachineClient;
import io.quarkus.test.junit.QuarkusTest;

/**
 * /q/metrics is for operators: a bearer token with the realm role operator (the citytrace-metrics client
 * that Prometheus scrapes with), from the real Keycloak. Health stays open to everyone.
 */
@QuarkusTest
class MetricsAccessTest {

    @Test
    void anonymousCallersMustAuthenticate() {
        given().get("/q/metrics").then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void membersWithoutTheOperatorRoleAreRefused() {
        given().auth().oauth2(MachineClient.accessToken()).get("/q/metrics").then().statusCode(403);
    }

    @Test
    void theMetricsClientReadsThem() {
        given().auth().oauth2(MachineClient.metricsToken()).get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"), containsString("citytrace_anchor_backlog"));
    }

    @Test
    void healthIsOpenToEveryone() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
