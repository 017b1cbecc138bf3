package city.trace.subscription;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import city.trace.epcis.NamedQuery;
import city.trace.org.Organization;
import city.trace.support.Browser;
import city.trace.support.Demo;
import city.trace.support.EpcisDocs;
import city.trace.support.Events;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/**
 * Webhook subscriptions to named queries, received by an HTTP server on localhost: signed notifications carry each
 * matching event exactly once, on capture or on schedule, retried, dead-lettered and retried on request.
 */
@QuarkusTest
@TestSecurity(user = "bob", roles = "manufacturer")
@OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
class SubscriptionApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WebhookReceiver RECEIVER = new WebhookReceiver();
    private static final String TOKEN = "13df38d8275b13f05704629e5f1cf3d45d6132d5";

    @Inject
    SubscriptionWorker worker;

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void streamNotificationsAreSignedAndCarryEachMatchingEventOnce() throws Exception {
        String gtin = EpcisDocs.bakeryGtin();
        String query = query(gtin, "1", "2");
        String path = "/stream-" + Browser.unique(6);
        String location = subscribe(query, "{\"dest\": \"%s\", \"signatureToken\": \"%s\", \"stream\": true}"
                .formatted(RECEIVER.url(path), TOKEN));

        capture(gtin, "1");
        capture(gtin, "2");
        capture(gtin, "3"); // not the query's
        List<String> expected = eventIdsOf(query);
        assertEquals(2, expected.size());
        until(() -> receivedEventIds(path).size() >= 2);
        settle();
        assertEquals(new HashSet<>(expected), new HashSet<>(receivedEventIds(path)));
        assertEquals(2, receivedEventIds(path).size(), "each event once");

        for (WebhookReceiver.Received notification : RECEIVER.at(path)) {
            assertEquals(WebhookSender.signature(TOKEN, notification.body()), notification.signature());
            assertTrue(notification.contentType().startsWith("application/json"));
            JsonNode results = JSON.readTree(notification.body()).path("epcisBody").path("queryResults");
            assertEquals(query, results.path("queryName").asText());
            assertTrue(location.endsWith("/" + results.path("subscriptionID").asText()));
            assertEquals("EPCISQueryDocument", JSON.readTree(notification.body()).path("type").asText());
        }

        capture(gtin, "1"); // seen again: a new event
        until(() -> receivedEventIds(path).size() == 3);
        settle();
        assertEquals(3, receivedEventIds(path).size());
        assertEquals(3, new HashSet<>(receivedEventIds(path)).size());

        given().get(location).then().statusCode(200).body("dest", equalTo(RECEIVER.url(path)), "stream", equalTo(true),
                "signed", equalTo(true), "lastNotifiedAt", notNullValue(), "deliveries.pending", equalTo(0),
                "$", not(hasKey("signatureToken")));
    }

    @Test
    void eventsRecordedBeforeTheSubscriptionComeWithInitialRecordTimeAndNeverTwice() throws Exception {
        String gtin = EpcisDocs.bakeryGtin();
        String query = query(gtin, "1", "2");
        capture(gtin, "1");
        capture(gtin, "2");
        worker.work(); // both events have left the inbox: only the backfill finds them
        // ... except this one, put back as if it had not been matched yet: it must not come twice
        long secondEvent = Demo.read(() -> ((Number) Subscription.getEntityManager().createNativeQuery(
                "select max(id) from epcis_event").getSingleResult()).longValue());
        QuarkusTransaction.requiringNew().run(() -> Subscription.getEntityManager().createNativeQuery(
                "insert into epcis_subscription_inbox (event_id) values (?1) on conflict do nothing")
                .setParameter(1, secondEvent).executeUpdate());

        String path = "/backfill-" + Browser.unique(6);
        subscribe(query, "{\"dest\": \"%s\", \"stream\": true, \"initialRecordTime\": \"%s\"}"
                .formatted(RECEIVER.url(path), Instant.now().minus(1, ChronoUnit.HOURS)));
        capture(gtin, "2");
        until(() -> receivedEventIds(path).size() >= 3);
        settle();
        assertEquals(3, receivedEventIds(path).size());
        assertEquals(new HashSet<>(eventIdsOf(query)), new HashSet<>(receivedEventIds(path)));
        RECEIVER.at(path).forEach(n -> assertEquals(null, n.signature(), "no signatureToken, no signature"));
    }

    @Test
    void aScheduleSendsWhatMatchedSinceItsLastRunAndReportsEmptyRunsWhenAsked() {
        String gtin = EpcisDocs.bakeryGtin();
        String query = query(gtin, "1");
        String path = "/schedule-" + Browser.unique(6);
        String location = subscribe(query, ("{\"dest\": \"%s\", \"signatureToken\": \"%s\", \"reportIfEmpty\": true, "
                + "\"schedule\": {\"second\": \"[0-59]\"}}").formatted(RECEIVER.url(path), TOKEN));
        until(() -> !RECEIVER.at(path).isEmpty());
        assertEquals(List.of(), receivedEventIds(path), "an empty run is reported");

        capture(gtin, "1");
        until(() -> receivedEventIds(path).size() == 1);
        given().get(location).then().statusCode(200).body("schedule.second", equalTo("[0-59]"),
                "reportIfEmpty", equalTo(true), "minRecordTime", notNullValue());

        given().delete(location).then().statusCode(204);
        given().get(location).then().statusCode(404);
        int sent = RECEIVER.at(path).size();
        settle();
        assertEquals(sent, RECEIVER.at(path).size(), "nothing after unsubscribing");
    }

    @Test
    void failedDeliveriesAreRetriedThenDeadLetteredAndSentAgainOnRequest() {
        String gtin = EpcisDocs.bakeryGtin();
        String query = query(gtin, "1");
        String flaky = "/flaky-" + Browser.unique(6);
        String down = "/down-" + Browser.unique(6);
        RECEIVER.answerNext(flaky, 500, 502);
        RECEIVER.answerAlways(down, 503);
        String flakyLocation = subscribe(query, "{\"dest\": \"%s\", \"stream\": true}".formatted(RECEIVER.url(flaky)));
        String downLocation = subscribe(query, "{\"dest\": \"%s\", \"stream\": true}".formatted(RECEIVER.url(down)));

        capture(gtin, "1");
        until(() -> RECEIVER.at(flaky).size() == 3);
        until(() -> given().get(flakyLocation).jsonPath().getInt("deliveries.delivered") == 1);
        assertEquals(1, new HashSet<>(RECEIVER.at(flaky).stream().map(WebhookReceiver.Received::body).toList()).size(),
                "the same notification each time");

        until(() -> given().get(downLocation).jsonPath().getInt("deliveries.deadLetters") == 1);
        assertEquals(3, RECEIVER.at(down).size(), "max-attempts is 3 in tests");
        given().get(downLocation).then().body("deliveries.lastError", containsString("503"));
        given().get(downLocation + "/deadLetters").then().statusCode(200).body("[0].eventCount", equalTo(1),
                "[0].attempts", equalTo(3), "[0].lastError", containsString("503"));

        RECEIVER.answerAlways(down, 200);
        given().post(downLocation + "/deadLetters/retry").then().statusCode(200).body("retried", equalTo(1));
        until(() -> given().get(downLocation).jsonPath().getInt("deliveries.delivered") == 1);
        assertEquals(RECEIVER.at(down).getFirst().body(), RECEIVER.at(down).getLast().body());
        given().get(downLocation + "/deadLetters").then().body("size()", equalTo(0));

        given().delete("/epcis/queries/" + query).then().statusCode(204);
        given().get(flakyLocation).then().statusCode(404); // the query's subscriptions end with it
    }

    @Test
    void invalidSubscriptionsAreRefusedAndNothingIsStored() {
        String query = query(EpcisDocs.bakeryGtin(), "1");
        String url = RECEIVER.url("/never");
        List<String[]> refused = List.of(
                new String[] { "{\"stream\": true}", "dest, the URL" },
                new String[] { "{\"dest\": \"ftp://example.com/x\", \"stream\": true}", "http or https" },
                new String[] { "{\"dest\": \"" + url + "\"}", "or a schedule" },
                new String[] { "{\"dest\": \"" + url + "\", \"stream\": false}", "or a schedule" },
                new String[] { "{\"dest\": \"" + url + "\", \"stream\": true, \"schedule\": {\"hour\": \"1\"}}", "not both" },
                new String[] { "{\"dest\": \"" + url + "\", \"schedule\": {\"hour\": \"24\"}}", "from 0 to 23" },
                new String[] { "{\"dest\": \"" + url + "\", \"schedule\": {\"minute\": \"[5-1]\"}}", "low to high" },
                new String[] { "{\"dest\": \"" + url + "\", \"schedule\": {\"minute\": \"*/5\"}}", "numbers and ranges" },
                new String[] { "{\"dest\": \"" + url + "\", \"schedule\": {\"fortnight\": \"1\"}}", "no field fortnight" },
                new String[] { "{\"dest\": \"" + url + "\", \"schedule\": {}}", "at least one" },
                new String[] { "{\"dest\": \"" + url + "\", \"schedule\": {\"month\": \"2\", \"dayOfMonth\": \"30\"}}",
                        "never fires" },
                new String[] { "{\"dest\": \"" + url + "\", \"stream\": true, \"reportIfEmpty\": true}", "scheduled" },
                new String[] { "{\"dest\": \"" + url + "\", \"stream\": true, \"trigger\": \"x\"}", "not a subscription" },
                new String[] { "{\"dest\": \"" + url + "\", \"stream\": \"yes\"}", "true or false" },
                new String[] { "{\"dest\": \"" + url + "\", \"stream\": true, \"initialRecordTime\": \"yesterday\"}",
                        "date-time" },
                new String[] { "[]", "JSON object" });
        for (String[] request : refused) {
            given().contentType("application/json").body(request[0]).post(subscriptions(query)).then()
                    .statusCode(400).contentType(containsString("problem+json"))
                    .body("type", equalTo("epcisException:SubscriptionControlsException"),
                            "errors.detail", hasItem(containsString(request[1])));
        }
        given().get(subscriptions(query)).then().statusCode(200).body("size()", equalTo(0));
        given().contentType("application/json").body("{\"dest\": \"" + url + "\", \"stream\": true}")
                .post(subscriptions("no-such-query")).then().statusCode(404);
        given().options(subscriptions(query)).then().statusCode(204).header("Allow", "OPTIONS, GET, POST");
    }

    @Test
    void aSubscriberIsSentOnlyWhatItMaySeeAndOthersCannotSeeItsSubscription() {
        String gtin = EpcisDocs.bakeryGtin();
        String query = query(gtin, "1");
        String bakeryPath = "/bakery-" + Browser.unique(6);
        String bakeryLocation = subscribe(query, "{\"dest\": \"%s\", \"stream\": true}".formatted(RECEIVER.url(bakeryPath)));
        String farmPath = "/farm-" + Browser.unique(6);
        String farmLocation = farmSubscription(query, RECEIVER.url(farmPath));

        capture(gtin, "1");
        until(() -> receivedEventIds(bakeryPath).size() == 1);
        settle();
        assertEquals(List.of(), RECEIVER.at(farmPath), "the farm may not see the bakery's own serials");
        given().get(bakeryLocation).then().statusCode(200);
        given().get(farmLocation).then().statusCode(404);
        given().delete(farmLocation).then().statusCode(404);
        given().get(farmLocation.replace("/subscriptions/", "/subscriptions/x")).then().statusCode(404);
        given().get(subscriptions(query)).then().statusCode(200).body("subscriptionID",
                not(hasItem(farmLocation.substring(farmLocation.lastIndexOf('/') + 1))));
    }

    /** The farm's stream subscription to the query, as its member would have made it. */
    private static String farmSubscription(String query, String dest) {
        return Demo.read(() -> {
            Subscription s = new Subscription();
            s.subscriptionId = UUID.randomUUID();
            s.namedQuery = NamedQuery.findByName(query).orElseThrow();
            s.organization = Organization.findByCode(Demo.FARM).orElseThrow();
            s.createdBy = "alice";
            s.dest = dest;
            s.stream = true;
            s.initialRecordTime = Instant.now();
            s.createdAt = Instant.now();
            s.persist();
            return subscriptions(query) + "/" + s.subscriptionId;
        });
    }

    /** A named query for the bakery's SGTINs of this GTIN with these serials. */
    private static String query(String gtin, String... serials) {
        String name = "subscribed-" + Browser.unique(8);
        List<String> epcs = new ArrayList<>();
        for (String serial : serials) {
            epcs.add("\"" + EpcisDocs.sgtin(gtin, serial) + "\"");
        }
        given().contentType("application/json").body("{\"name\": \"%s\", \"query\": {\"MATCH_epc\": [%s]}}"
                .formatted(name, String.join(", ", epcs))).post("/epcis/queries").then().statusCode(201);
        return name;
    }

    private static String subscriptions(String query) {
        return "/epcis/queries/" + query + "/subscriptions";
    }

    private static String subscribe(String query, String body) {
        return given().contentType("application/json").body(body).post(subscriptions(query)).then().statusCode(201)
                .body("subscriptionID", notNullValue(), "$", not(hasKey("signatureToken")))
                .extract().header("Location");
    }

    private static void capture(String gtin, String serial) {
        Events.capture(null, EpcisDocs.observe("inspecting", Instant.now().toString(),
                List.of(EpcisDocs.sgtin(gtin, serial)))).then().statusCode(202);
    }

    private static List<String> eventIdsOf(String query) {
        return given().get("/epcis/queries/" + query + "/events?perPage=100").then().statusCode(200).extract()
                .jsonPath().getList("epcisBody.queryResults.resultsBody.eventList.eventID", String.class);
    }

    /** The eventIDs of every notification received at this path, in order, repeats kept. */
    private static List<String> receivedEventIds(String path) {
        List<String> ids = new ArrayList<>();
        for (WebhookReceiver.Received notification : RECEIVER.at(path)) {
            try {
                JSON.readTree(notification.body()).path("epcisBody").path("queryResults").path("resultsBody")
                        .path("eventList").forEach(event -> ids.add(event.path("eventID").asText()));
            } catch (Exception e) {
                fail("a notification that is not JSON: " + notification.body());
            }
        }
        return ids;
    }

    /** Runs the subscriptions' rounds until the condition holds (30 s at most). */
    private void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            worker.work();
            if (condition.getAsBoolean()) {
                return;
            }
            sleep(100);
        }
        fail("the condition did not hold within 30 s");
    }

    /** A few more rounds, for anything that should not happen to have the chance to. */
    private void settle() {
        for (int i = 0; i < 5; i++) {
            worker.work();
            sleep(200);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
