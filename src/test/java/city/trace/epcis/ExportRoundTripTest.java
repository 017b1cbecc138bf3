package city.trace.epcis;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import city.trace.epcis.hash.EventHasher;
import city.trace.epcis.hash.HashVersion;
import city.trace.support.Browser;
import city.trace.support.Demo;
import city.trace.support.EpcisDocs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;

/**
 * Every event CityTrace exports can be re-hashed to its stored Event Hash ID from the exported JSON alone: the
 * query document's {@code @context} (or the event's own) declares every prefix its fields use.
 */
@QuarkusTest
@TestSecurity(user = "rita", roles = "regulator")
class ExportRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");
    private static final String EVENTS = "/epcisBody/queryResults/resultsBody/eventList";

    /** Found as a partner would: two documents give "ex" different namespaces; one query answer holds both. */
    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void eventsWhoseDocumentsGaveAPrefixDifferentNamespacesReHashFromOneAnswer() throws IOException {
        String gtin = EpcisDocs.bakeryGtin();
        String bizLocation = "https://id.gs1.org/414/" + Demo.BAKERY_PLANT_GLN + "/254/RT" + Browser.unique(6);
        for (String namespace : List.of("https://example.com/ns/", "https://example.org/other/")) {
            String event = EpcisDocs.observe("inspecting", "2026-11-20T08:00:00.000+01:00",
                    List.of(EpcisDocs.sgtin(gtin, "R" + namespace.length())))
                    .replaceFirst("\\{", "{\"bizLocation\": {\"id\": \"" + bizLocation + "\"}, \"ex:grade\": \"A\",");
            String document = EpcisDocs.document(event).replace("https://example.com/ns/", namespace);
            given().contentType("application/ld+json").body(document).post("/epcis/capture").then().statusCode(202);
        }
        assertEquals(2, reHashEveryEventOf("/epcis/events?EQ_bizLocation=" + bizLocation));
    }

    @Test
    void everyStoredEventOfTheDemoDataIsExportedAndReHashesToItsStoredHash() throws IOException {
        long stored = Demo.read(() -> EpcisEvent.count());
        assertTrue(stored > 0, "the demo data has events");
        assertEquals(stored, reHashEveryEventOf("/epcis/events?perPage=500"));
    }

    /** Pages through a query, re-hashing each event from the answer alone; returns how many there were. */
    private static int reHashEveryEventOf(String query) throws IOException {
        EventHasher hasher = new EventHasher();
        int count = 0;
        String next = query;
        while (next != null) {
            Response response = given().urlEncodingEnabled(false).get(next);
            response.then().statusCode(200);
            JsonNode document = JSON.readTree(response.asString());
            Map<String, String> prefixes = EventHasher.declaredPrefixes(document);
            for (JsonNode event : document.at(EVENTS)) {
                EpcisEvent stored = Demo.read(() -> EpcisEvent.findByEventId(event.get("eventID").asText()).orElseThrow());
                assertEquals(stored.hash, hasher.hash(event, prefixes, HashVersion.parse(stored.hashVersion)).hash(),
                        "re-hashed from the answer alone: " + event);
                count++;
            }
            Matcher link = NEXT.matcher(String.valueOf(response.header("Link")));
            next = link.find() ? link.group(1) : null;
        }
        return count;
    }
}
