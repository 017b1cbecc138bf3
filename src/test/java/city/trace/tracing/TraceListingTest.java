package city.trace.tracing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import city.trace.batch.Unit;
import city.trace.epcis.EpcisEvent;
import city.trace.epcis.IdentifierRole;
import city.trace.support.Anchoring;
import city.trace.support.Browser;
import city.trace.support.Demo;
import city.trace.support.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;

/**
 * A trace of more events than its page and API list: they list the oldest, count them all, and every lot still
 * carries the verifier's state of all its events.
 */
@QuarkusTest
@TestProfile(TraceListingTest.ListingTwo.class)
class TraceListingTest {

    public static class ListingTwo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("citytrace.trace.max-listed-events", "2");
        }
    }

    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void aTraceListsTheOldestEventsAndCountsThemAll() {
        String flour = Events.lot(Demo.batch(Demo.FLOUR_GTIN, Demo.BAKERY_PLANT_GLN, "TL", "100", Unit.KGM));
        String bread = "https://id.gs1.org/01/" + Demo.BREAD_GTIN + "/10/TLB" + Browser.unique(8);
        String otherBread = "https://id.gs1.org/01/" + Demo.BREAD_GTIN + "/10/TLO" + Browser.unique(8);
        Events.capture(null, make(flour, bread), make(flour, otherBread)).then().statusCode(202);
        List<String> eventIds = Demo.read(() -> EpcisEvent.listNamingAny(List.of(flour, bread, otherBread),
                EnumSet.allOf(IdentifierRole.class)).stream().map(event -> event.eventId).toList());
        Anchoring.await(eventIds, Anchoring.status("FINAL"), Duration.ofSeconds(120));

        String path = "01/" + flour.substring(flour.indexOf("/01/") + 4);
        JsonPath trace = given().queryParam("direction", "forward").get("/api/trace/" + path).then().statusCode(200)
                .extract().jsonPath();
        // the flour's commissioning and the two transformations
        assertEquals(3, trace.getInt("eventCount"));
        List<String> times = trace.getList("events.eventTime");
        assertEquals(2, times.size(), "the two oldest listed");
        assertTrue(times.get(0).compareTo(times.get(1)) <= 0, "oldest first");
        List<Map<String, Object>> nodes = trace.getList("nodes");
        Map<String, Object> newest = nodes.stream().filter(node -> otherBread.equals(node.get("id"))).findFirst()
                .orElseThrow();
        assertEquals("VERIFIED", newest.get("outcome"), "the lot of the event not listed is verified all the same");

        given().queryParam("direction", "forward").get("/trace/" + path).then().statusCode(200)
                .body(containsString("The oldest 2 of 3 events"));
    }

    private static String make(String input, String output) {
        return Events.transformation(Demo.BAKERY_PLANT_GLN, List.of(Events.quantity(input, "1", "KGM")),
                List.of(Events.quantity(output, "5", "KGM")));
    }
}
