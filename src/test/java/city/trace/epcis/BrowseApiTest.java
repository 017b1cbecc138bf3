package city.trace.epcis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import city.trace.support.Demo;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;

/** The REST binding's discovery and browse resources, over the demo data and events captured here. */
@QuarkusTest
@TestSecurity(user = "rita", roles = "regulator")
class BrowseApiTest {

    private static final String EVENTS = "epcisBody.queryResults.resultsBody.eventList";
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @Test
    void theRootListsItsResourcesAndOptionsTellsTheVersions() {
        given().options("/epcis").then().statusCode(204).header("Allow", "OPTIONS, GET")
                .header("GS1-EPCIS-Version", "2.0.0").header("GS1-CBV-Version", containsString("2."));
        for (String resource : List.of("/epcis/events", "/epcis/eventTypes/ObjectEvent/events", "/epcis/bizSteps",
                "/epcis/readPoints/urn:epc:id:sgln:8712347.00001.0/events", "/epcis/epcs")) {
            given().options(resource).then().statusCode(204).header("Allow", "OPTIONS, GET")
                    .header("GS1-EPCIS-Version", "2.0.0");
        }
        given().get("/epcis").then().statusCode(200).body("type", equalTo("Collection"),
                "member", hasItems("capture", "events", "eventTypes", "epcs", "bizSteps", "bizLocations",
                        "readPoints", "dispositions"));
    }

    @Test
    void anEventTypeHasItsEvents() {
        given().get("/epcis/eventTypes").then().statusCode(200).body("member", hasSize(5));
        given().get("/epcis/eventTypes/ObjectEvent").then().statusCode(200).body("member", equalTo(List.of("events")));
        given().get("/epcis/eventTypes/TransformationEvent/events?perPage=50").then().statusCode(200)
                .body(EVENTS + ".type", everyItem(equalTo("TransformationEvent")), EVENTS, not(hasSize(0)));
        given().get("/epcis/eventTypes/CoffeeEvent").then().statusCode(404)
                .contentType(containsString("problem+json")).body("detail", containsString("No event type CoffeeEvent"));
    }

    @Test
    void businessStepsAreListedAsCbvTermsAndLeadToTheirEvents() {
        given().get("/epcis/bizSteps?perPage=100").then().statusCode(200).body("member", hasItem("commissioning"));
        given().get("/epcis/bizSteps/commissioning").then().statusCode(200).body("member", equalTo(List.of("events")));
        given().get("/epcis/bizSteps/commissioning/events").then().statusCode(200)
                .body(EVENTS, not(hasSize(0)), EVENTS + ".bizStep", everyItem(equalTo("commissioning")));
        given().get("/epcis/dispositions?perPage=100").then().statusCode(200).body("member", hasItem("active"));
    }

    @Test
    void readPointsArePagedWithoutRepeatsAndLeadToTheirEvents() {
        List<String> all = new ArrayList<>();
        String next = "/epcis/readPoints?perPage=1";
        while (next != null) {
            Response page = given().urlEncodingEnabled(false).get(next);
            page.then().statusCode(200).body("member", hasSize(1));
            all.addAll(page.jsonPath().getList("member", String.class));
            Matcher link = NEXT.matcher(String.valueOf(page.header("Link")));
            next = link.find() ? link.group(1) : null;
        }
        assertTrue(all.size() > 1, "the demo data has several read points: " + all);
        assertEquals(all.stream().distinct().sorted().toList().size(), all.size());
        String readPoint = all.getFirst();
        given().urlEncodingEnabled(false)
                .get("/epcis/readPoints/" + URLEncoder.encode(readPoint, StandardCharsets.UTF_8) + "/events")
                .then().statusCode(200).body(EVENTS, not(hasSize(0)), EVENTS + ".readPoint.id", everyItem(equalTo(readPoint)));
        given().get("/epcis/epcs?perPage=2").then().statusCode(200).body("member", hasSize(2));
        given().get("/epcis/readPoints?perPage=0").then().statusCode(400)
                .body("detail", containsString("perPage must be a whole number"));
    }

    /** A member's lists hold the values of the events it may see, each leading to some: not the consortium's. */
    @Test
    @TestSecurity(user = "alice", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
    void aMembersListsHoldOnlyTheValuesOfEventsItMaySee() {
        List<String> farms = given().get("/epcis/readPoints?perPage=1000").then().statusCode(200).extract()
                .jsonPath().getList("member", String.class);
        long everyones = Demo.read(() -> EpcisEvent.getEntityManager()
                .createQuery("select count(distinct e.readPoint) from EpcisEvent e", Long.class).getSingleResult());
        assertTrue(farms.size() < everyones, farms + " of " + everyones);
        assertTrue(farms.stream().anyMatch(readPoint -> readPoint.contains(Demo.FIELDS_GLN)), farms.toString());
        for (String readPoint : farms) {
            given().urlEncodingEnabled(false)
                    .get("/epcis/readPoints/" + URLEncoder.encode(readPoint, StandardCharsets.UTF_8) + "/events")
                    .then().statusCode(200).body(EVENTS, not(hasSize(0)));
        }
    }

    @Test
    void theConsortiumsListsHoldEveryMembersValues() {
        List<String> all = given().get("/epcis/readPoints?perPage=1000").then().statusCode(200).extract()
                .jsonPath().getList("member", String.class);
        assertTrue(all.stream().anyMatch(readPoint -> readPoint.contains(Demo.BAKERY_PLANT_GLN)), all.toString());
    }
}
