package city.trace.epcis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import city.trace.org.Organization;
import city.trace.support.Browser;
import city.trace.support.Demo;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/** Named queries of the REST binding: created, listed, run within what one may see, deleted by their owners. */
@QuarkusTest
@TestSecurity(user = "bob", roles = "manufacturer")
@OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
class NamedQueryApiTest {

    private static final String EVENTS = "epcisBody.queryResults.resultsBody.eventList";

    @Test
    void aNamedQueryIsCreatedListedRunAndDeleted() {
        String name = "bakery-objects-" + Browser.unique(6);
        String body = "{\"name\": \"" + name + "\", \"query\": {\"eventType\": [\"ObjectEvent\"], \"EQ_bizStep\": "
                + "[\"shipping\", \"receiving\", \"commissioning\"]}}";
        given().contentType("application/json").body(body).post("/epcis/queries").then().statusCode(201)
                .header("Location", containsString("/epcis/queries/" + name)).body("name", equalTo(name));
        given().get("/epcis/queries/" + name).then().statusCode(200)
                .body("name", equalTo(name), "query.eventType", equalTo(List.of("ObjectEvent")));
        given().get("/epcis/queries?perPage=1000").then().statusCode(200).body("name", hasItem(name));
        given().get("/epcis/queries/" + name + "/events?perPage=1").then().statusCode(200)
                .header("Link", containsString("nextPageToken=")).body(EVENTS, hasSize(1),
                        EVENTS + ".type", everyItem(equalTo("ObjectEvent")));
        given().get("/epcis/queries/" + name + "/events?perPage=1000").then().statusCode(200)
                .body(EVENTS, not(hasSize(0)), EVENTS + ".bizStep", everyItem(anyOf(
                        equalTo("shipping"), equalTo("receiving"), equalTo("commissioning"))));

        given().contentType("application/json").body(body).post("/epcis/queries").then().statusCode(409)
                .contentType(containsString("problem+json")).body("detail", containsString("exists already"));
        given().delete("/epcis/queries/" + name).then().statusCode(204);
        given().get("/epcis/queries/" + name).then().statusCode(404);
        given().get("/epcis/queries/" + name + "/events").then().statusCode(404);
    }

    @Test
    void invalidNamesAndQueriesAreRefusedAndNothingIsStored() {
        given().contentType("application/json").body("{\"name\": \"my query\", \"query\": {}}").post("/epcis/queries")
                .then().statusCode(400).body("detail", containsString("name must be"));
        given().contentType("application/json").body("{\"name\": \"colours\", \"query\": {\"EQ_colour\": [\"red\"]}}")
                .post("/epcis/queries").then().statusCode(400).contentType(containsString("problem+json"))
                .body("type", equalTo("epcisException:QueryParameterException"), "detail", containsString("EQ_colour"));
        given().contentType("application/json").body("{\"name\": \"paged\", \"query\": {\"perPage\": 3}}")
                .post("/epcis/queries").then().statusCode(400).body("detail", containsString("not to a query"));
        given().contentType("application/json").body("{\"name\": \"nothing\"}").post("/epcis/queries")
                .then().statusCode(400).body("detail", containsString("query must be a JSON object"));
        given().get("/epcis/queries/colours").then().statusCode(404);
        given().options("/epcis/queries").then().statusCode(204).header("Allow", "OPTIONS, GET, POST");
    }

    @Test
    void onlyTheCreatorsOrganisationDeletesAQuery() {
        String name = "farm-query-" + Browser.unique(6);
        Demo.read(() -> {
            NamedQuery query = new NamedQuery();
            query.name = name;
            query.definition = "{\"eventType\": [\"ObjectEvent\"]}";
            query.organization = Organization.findByCode(Demo.FARM).orElseThrow();
            query.createdBy = "alice";
            query.createdAt = Instant.now();
            query.persist();
            return query.id;
        });
        given().delete("/epcis/queries/" + name).then().statusCode(403);
        given().get("/epcis/queries/" + name).then().statusCode(200);
        // anyone may run it, within what they may see
        given().get("/epcis/queries/" + name + "/events").then().statusCode(200);
    }
}
