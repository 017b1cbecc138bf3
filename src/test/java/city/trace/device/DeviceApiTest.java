package city.trace.device;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import city.trace.batch.Batch;
import city.trace.batch.Unit;
import city.trace.epcis.EpcisEvent;
import city.trace.org.Organization;
import city.trace.proof.cli.VerifyBundleCommand;
import city.trace.shipment.ShipmentForm;
import city.trace.shipment.ShipmentService;
import city.trace.signedreadings.ReadingBatch;
import city.trace.signedreadings.ReadingSigner;
import city.trace.site.Site;
import city.trace.support.Anchoring;
import city.trace.support.AnvilNode;
import city.trace.support.Browser;
import city.trace.support.Demo;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Devices as participants, through the API as programs use it: the carrier registers a truck's thermometer with
 * its public key; the device's signed batches become anchored sensor-reporting events about the lots on board;
 * every bad batch (forged, unknown device, replayed, from the future, nothing on board, suspended, retired) is a
 * problem and stores nothing; a breach of a lot's cold-chain requirement raises one anchored alert.
 */
@QuarkusTest
@TestSecurity(user = "carl", roles = "manufacturer")
@OidcSecurity(claims = @Claim(key = "organization", value = Demo.CARRIER))
class DeviceApiTest {

    private static final String JOSE = "application/jose";
    private static final ObjectMapper JSON = new ObjectMapper();

    AnvilNode anvil;

    /** A registered device of ColdLink's, in a new truck that carries a new wheat lot (departed, not arrived). */
    private record Truck(long id, String identifier, String vehicle, KeyPair keys, Batch wheat) {

        String sign(long counter, List<ReadingBatch.Reading> readings) {
            return ReadingSigner.sign(new ReadingBatch(identifier, counter, readings), keys.getPrivate(), null);
        }

        Response send(String jws) {
            return post("/api/devices/" + id + "/readings", jws);
        }
    }

    @Test
    void aSignedBatchBecomesAnAnchoredSensorEventAboutTheLotsOnBoardKeptAsSigned() {
        Truck truck = truckCarryingWheat("ES256");
        String jws = truck.sign(1, readings(Instant.now().minus(30, ChronoUnit.MINUTES), 30, 4.0));
        JsonNode accepted = truck.send(jws).then().statusCode(201)
                .header("Location", containsString("/api/devices/" + truck.id() + "/readings/1"))
                .body("accepted", equalTo(30)).body("counter", equalTo(1)).body("lots", hasItem(truck.wheat().lotLink()))
                .extract().as(JsonNode.class);
        String eventId = accepted.path("eventId").asText();

        JsonNode event = Demo.read(() -> EpcisEvent.findByEventId(eventId).orElseThrow().json());
        assertEquals("sensor_reporting", event.path("bizStep").asText());
        assertEquals(truck.wheat().lotLink(), event.path("quantityList").path(0).path("epcClass").asText());
        JsonNode sensor = event.path("sensorElementList").path(0);
        assertEquals(truck.identifier(), sensor.path("sensorMetadata").path("deviceID").asText());
        assertTrue(sensor.path("sensorMetadata").path("rawData").asText().endsWith("/api/devices/" + truck.id() + "/readings/1"));
        assertEquals(30, sensor.path("sensorReport").size());
        assertEquals("gs1:Temperature", sensor.path("sensorReport").path(0).path("type").asText());

        // the payload as the device signed it, byte for byte, for anyone to check again
        assertEquals(jws, given().get("/api/devices/" + truck.id() + "/readings/1").then().statusCode(200)
                .contentType(JOSE).extract().asString());
        // the registry entry the event's deviceMetadata points to: the key, not a secret
        given().get("/api/devices/" + truck.id()).then().statusCode(200).body("identifier", equalTo(truck.identifier()))
                .body("publicKey", containsString("BEGIN PUBLIC KEY")).body("status", equalTo("ACTIVE"))
                .body("lastCounter", equalTo(1));
        Anchoring.awaitStored(List.of(eventId), "FINAL", Duration.ofSeconds(60));
    }

    @Test
    void aBatchOfReadingsLeavesThePagesKeptBeforeItValid() {
        Truck truck = truckCarryingWheat("ES256");
        long epoch = pageEpoch();
        truck.send(truck.sign(1, readings(Instant.now().minus(10, ChronoUnit.MINUTES), 10, 4.0))).then().statusCode(201);
        truck.send(truck.sign(2, readings(Instant.now().minus(5, ChronoUnit.MINUTES), 5, 4.5))).then().statusCode(201);
        // the device's counter moved, nothing a page shows of the registry did
        assertEquals(2L, Demo.read(() -> Device.<Device>findById(truck.id()).lastCounter));
        assertEquals(epoch, pageEpoch());
    }

    @Test
    void theLotsProofBundleCarriesTheSignedBatchAndTheCommandLineVerifierChecksIt() throws Exception {
        Truck truck = truckCarryingWheat("ES256");
        String jws = truck.sign(1, readings(Instant.now().minus(20, ChronoUnit.MINUTES), 20, 4.0));
        String eventId = truck.send(jws).then().statusCode(201).extract().path("eventId");
        String registration = given().get("/api/devices/" + truck.id()).then().extract().path("registrationEventId");
        Anchoring.awaitStored(List.of(eventId, registration), "FINAL", Duration.ofSeconds(60));
        String lotPath = "/01/" + Demo.WHEAT_GTIN + "/10/" + truck.wheat().lot;

        String bundle = given().get("/api/bundles" + lotPath).then().statusCode(200).extract().asString();
        JsonNode signed = null;
        for (JsonNode event : JSON.readTree(bundle).path("events")) {
            if (event.path("eventID").asText().equals(eventId)) {
                signed = event.path("device");
            }
        }
        assertEquals(jws, signed.path("jws").asText());
        assertEquals(registration, signed.path("registration").path("eventID").asText());
        assertTrue(signed.path("publicKey").asText().startsWith("-----BEGIN PUBLIC KEY-----"));
        Path file = Files.createTempFile("bundle", ".json");
        try {
            Files.writeString(file, bundle);
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
            int exitCode = VerifyBundleCommand.run(List.of(file.toString(), "--rpc", anvil.rpcUrl()), out, out);
            String printed = output.toString(StandardCharsets.UTF_8);
            assertEquals(0, exitCode, printed);
            assertTrue(printed.contains("signature") && printed.contains("key"), printed);
        } finally {
            Files.delete(file);
        }

        // the stored batch replaced behind the app's back by one another key signed: the page says so
        KeyPair forger = ReadingSigner.generate("ES256");
        String forged = ReadingSigner.sign(new ReadingBatch(truck.identifier(), 1,
                readings(Instant.now().minus(20, ChronoUnit.MINUTES), 20, 4.0)), forger.getPrivate(), null);
        QuarkusTransaction.requiringNew().run(() -> SignedBatch.getEntityManager()
                .createNativeQuery("update device_reading_batch set jws = ?1 where device_id = ?2")
                .setParameter(1, forged).setParameter(2, truck.id()).executeUpdate());
        given().get(lotPath).then().statusCode(200).body(containsString("verdict-TAMPERED"),
                containsString("its readings are not what the device signed"));
    }

    @Test
    void everyBadBatchIsAProblemAndStoresNothing() {
        Truck truck = truckCarryingWheat("EdDSA");
        Instant start = Instant.now().minus(10, ChronoUnit.MINUTES);
        truck.send(truck.sign(5, readings(start, 5, 4.0))).then().statusCode(201);
        long batches = batchCount();

        KeyPair other = ReadingSigner.generate("EdDSA");
        String forged = ReadingSigner.sign(new ReadingBatch(truck.identifier(), 6, readings(start, 5, 4.0)),
                other.getPrivate(), null);
        refused(truck.send(forged), 401, "bad-signature");
        refused(post("/api/devices/999999999/readings", truck.sign(6, readings(start, 5, 4.0))), 404, "unknown-device");
        refused(truck.send(truck.sign(5, readings(start, 5, 4.0))), 409, "replayed-counter");
        refused(truck.send(truck.sign(4, readings(start, 5, 4.0))), 409, "replayed-counter");
        refused(truck.send(truck.sign(6, readings(Instant.now().plus(10, ChronoUnit.MINUTES), 2, 4.0))), 422, "clock-skew");
        refused(truck.send(truck.sign(6, readings(Instant.now().minus(30, ChronoUnit.DAYS), 2, 4.0))), 422, "clock-skew");
        refused(truck.send(truck.sign(6, readings(start, 2, -300.0))), 400, "malformed");
        refused(truck.send("not a JWS"), 400, "malformed");
        refused(truck.send(ReadingSigner.sign(new ReadingBatch("urn:example:someone-else", 6, readings(start, 2, 4.0)),
                truck.keys().getPrivate(), null)), 422, "wrong-device");

        Truck empty = registered("EdDSA", "EMPTY-" + Browser.unique(6), null);
        refused(empty.send(empty.sign(1, readings(start, 3, 4.0))), 422, "nothing-on-board");

        given().post("/api/devices/" + truck.id() + "/suspend").then().statusCode(200).body("status", equalTo("SUSPENDED"));
        refused(truck.send(truck.sign(6, readings(start, 2, 4.0))), 409, "device-suspended");
        given().post("/api/devices/" + truck.id() + "/resume").then().statusCode(200).body("status", equalTo("ACTIVE"));
        given().post("/api/devices/" + truck.id() + "/retire").then().statusCode(200).body("status", equalTo("RETIRED"))
                .body("retirementEventId", org.hamcrest.Matchers.notNullValue());
        refused(truck.send(truck.sign(6, readings(start, 2, 4.0))), 409, "device-retired");

        assertEquals(batches, batchCount(), "no refused batch stored");
        assertEquals(5L, Demo.read(() -> Device.<Device>findById(truck.id()).lastCounter));
    }

    @Test
    void registrationRefusesPrivateKeysForeignIdentifiersAndTakenOnes() {
        KeyPair keys = ReadingSigner.generate("ES256");
        String identifier = "urn:example:thermometer:" + Browser.unique(8);
        Map<String, Object> device = Map.of("identifier", identifier, "kind", "thermometer", "model", "TL-20",
                "vehicle", "TRUCK-" + Browser.unique(4), "publicKey", ReadingSigner.privateKeyPem(keys.getPrivate()));
        given().contentType(ContentType.JSON).body(device).post("/api/devices").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("never takes private keys"));

        // a GIAI of the farm's company prefix is the farm's to register, not the carrier's
        Map<String, Object> foreign = new java.util.HashMap<>(device);
        foreign.put("identifier", "https://id.gs1.org/8004/" + Demo.FARM_PREFIX + "THERMO" + Browser.unique(4));
        foreign.put("publicKey", ReadingSigner.publicKeyPem(keys.getPublic()));
        given().contentType(ContentType.JSON).body(foreign).post("/api/devices").then().statusCode(400)
                .body("detail", containsString("not yours to register"));

        Map<String, Object> good = new java.util.HashMap<>(foreign);
        good.put("identifier", identifier);
        given().contentType(ContentType.JSON).body(good).post("/api/devices").then().statusCode(201);
        given().contentType(ContentType.JSON).body(good).post("/api/devices").then().statusCode(400)
                .body("detail", containsString("registered already"));

        Map<String, Object> both = new java.util.HashMap<>(good);
        both.put("identifier", identifier + "-2");
        both.put("site", Demo.FIELDS_GLN);
        given().contentType(ContentType.JSON).body(both).post("/api/devices").then().statusCode(400)
                .body("detail", containsString("one of the two"));
        both.remove("vehicle");
        given().contentType(ContentType.JSON).body(both).post("/api/devices").then().statusCode(400)
                .body("detail", containsString("one of your organisation's sites"));
    }

    @Test
    void aBreachOfTheLotsRequirementRaisesOneAnchoredAlert() {
        Truck truck = truckCarryingWheat("ES256");
        wheatKeptBetween2And8WithHalfAnHourTolerated();
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS);
        // 20 minutes above 8 °C: tolerated
        List<ReadingBatch.Reading> tolerated = readings(start, 60, 5.0);
        excursion(tolerated, 10, 29, 9.5);
        truck.send(truck.sign(1, tolerated)).then().statusCode(201);
        assertEquals(0L, alerts(truck.wheat().lotLink()).size());

        // then 45 minutes above: a breach
        List<ReadingBatch.Reading> breaking = readings(start.plus(60, ChronoUnit.MINUTES), 60, 5.0);
        excursion(breaking, 10, 54, 10.5);
        truck.send(truck.sign(2, breaking)).then().statusCode(201);
        List<ColdChainAlert> alerts = alerts(truck.wheat().lotLink());
        assertEquals(1, alerts.size());
        ColdChainAlert alert = alerts.getFirst();
        assertEquals(ColdChainAlert.Kind.ABOVE, alert.kind);
        assertEquals(10.5, alert.extremeCelsius);
        assertEquals(45, alert.minutes);
        JsonNode breach = Demo.read(() -> EpcisEvent.<EpcisEvent>findById(alert.eventId).json());
        assertEquals("non_conformant", breach.path("disposition").asText());
        assertEquals("ALARM_CONDITION", breach.path("sensorElementList").path(0).path("sensorReport").path(0)
                .path("exception").asText());
        String breachId = Demo.read(() -> EpcisEvent.<EpcisEvent>findById(alert.eventId).eventId);
        Anchoring.awaitStored(List.of(breachId), "FINAL", Duration.ofSeconds(60));

        // more readings out of the band: still one alert for the lot
        List<ReadingBatch.Reading> more = readings(start.plus(120, ChronoUnit.MINUTES).minus(1, ChronoUnit.MINUTES), 3, 11.0);
        truck.send(truck.sign(3, more)).then().statusCode(201);
        assertEquals(1, alerts(truck.wheat().lotLink()).size());
    }

    @Test
    void anExcursionAcrossBatchesSentOutOfOrderIsMeasuredWhole() {
        Truck truck = truckCarryingWheat("ES256");
        wheatKeptBetween2And8WithHalfAnHourTolerated();
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(170, ChronoUnit.MINUTES);
        List<ReadingBatch.Reading> firstHour = readings(start, 60, 5.0);
        List<ReadingBatch.Reading> secondHour = readings(start.plus(60, ChronoUnit.MINUTES), 60, 5.0);
        excursion(secondHour, 46, 59, 9.5);
        List<ReadingBatch.Reading> thirdHour = readings(start.plus(120, ChronoUnit.MINUTES), 50, 5.0);
        excursion(thirdHour, 0, 19, 10.5);

        // the logger sends the third hour before the second: 20 minutes above 8 °C so far, tolerated
        truck.send(truck.sign(1, firstHour)).then().statusCode(201);
        truck.send(truck.sign(2, thirdHour)).then().statusCode(201);
        assertEquals(0, alerts(truck.wheat().lotLink()).size());

        // the second hour's last 14 minutes join the excursion that the third hour ended: 34 minutes, a breach
        truck.send(truck.sign(3, secondHour)).then().statusCode(201);
        List<ColdChainAlert> alerts = alerts(truck.wheat().lotLink());
        assertEquals(1, alerts.size());
        assertEquals(start.plus(106, ChronoUnit.MINUTES), alerts.getFirst().startedAt);
        assertEquals(34, alerts.getFirst().minutes);
        assertEquals(10.5, alerts.getFirst().extremeCelsius);
    }

    @Test
    void aBatchAllInsideTheBandCanShowThatTheExcursionBeforeItLastedTooLong() {
        Truck truck = truckCarryingWheat("ES256");
        wheatKeptBetween2And8WithHalfAnHourTolerated();
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(150, ChronoUnit.MINUTES);
        // the hour's last 20 readings above 8 °C: an excursion still going on, 19 minutes so far
        List<ReadingBatch.Reading> firstHour = readings(start, 60, 5.0);
        excursion(firstHour, 40, 59, 9.5);
        truck.send(truck.sign(1, firstHour)).then().statusCode(201);
        assertEquals(0, alerts(truck.wheat().lotLink()).size());

        // back inside the band 75 minutes in (the logger was off for a while): the excursion lasted 35 minutes
        truck.send(truck.sign(2, readings(start.plus(75, ChronoUnit.MINUTES), 30, 5.0))).then().statusCode(201);
        List<ColdChainAlert> alerts = alerts(truck.wheat().lotLink());
        assertEquals(1, alerts.size());
        assertEquals(start.plus(40, ChronoUnit.MINUTES), alerts.getFirst().startedAt);
        assertEquals(35, alerts.getFirst().minutes);
    }

    /** The farm's cold-chain requirement for its wheat: 2–8 °C, excursions of up to 30 minutes tolerated. */
    private static void wheatKeptBetween2And8WithHalfAnHourTolerated() {
        Demo.read(() -> {
            ColdChainForm form = new ColdChainForm();
            form.product = Demo.WHEAT_GTIN;
            form.minCelsius = "2";
            form.maxCelsius = "8";
            form.toleratedMinutes = "30";
            return Arc.container().instance(ColdChainRequirements.class).get()
                    .set(Organization.findByCode(Demo.FARM).orElseThrow(), form);
        });
    }

    private static Response post(String path, String jws) {
        return given().contentType(JOSE).body(jws.getBytes(StandardCharsets.UTF_8)).post(path);
    }

    private static void refused(Response response, int status, String reason) {
        response.then().statusCode(status).contentType("application/problem+json")
                .body("type", equalTo(ReadingProblems.TYPE + reason));
    }

    private static List<ColdChainAlert> alerts(String lot) {
        return Demo.read(() -> ColdChainAlert.<ColdChainAlert>list("lot", lot));
    }

    private static long pageEpoch() {
        return Demo.read(() -> ((Number) Device.getEntityManager().createNativeQuery("select value from page_epoch")
                .getSingleResult()).longValue());
    }

    private static long batchCount() {
        return Demo.read(() -> SignedBatch.count());
    }

    /** {@code count} readings a minute apart from {@code start}, all at {@code celsius}. */
    private static List<ReadingBatch.Reading> readings(Instant start, int count, double celsius) {
        List<ReadingBatch.Reading> readings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            readings.add(new ReadingBatch.Reading(start.plus(i, ChronoUnit.MINUTES), "Temperature",
                    BigDecimal.valueOf(celsius), "CEL"));
        }
        return readings;
    }

    /** Readings {@code from} to {@code to} (inclusive) at {@code celsius}: out of the band until reading to + 1. */
    private static void excursion(List<ReadingBatch.Reading> readings, int from, int to, double celsius) {
        for (int i = from; i <= to; i++) {
            ReadingBatch.Reading r = readings.get(i);
            readings.set(i, new ReadingBatch.Reading(r.time(), r.type(), BigDecimal.valueOf(celsius), r.unit()));
        }
    }

    /** A new wheat lot the farm ships with ColdLink, departed by ColdLink in a new truck with a registered device. */
    private static Truck truckCarryingWheat(String algorithm) {
        String vehicle = "TRUCK-" + Browser.unique(6);
        Batch wheat = Demo.batch(Demo.WHEAT_GTIN, Demo.FIELDS_GLN, "COLD", "10", Unit.TNE);
        Truck truck = registered(algorithm, vehicle, wheat);
        Demo.read(() -> {
            ShipmentForm form = new ShipmentForm();
            form.carrierId = Organization.findByCode(Demo.CARRIER).orElseThrow().id.toString();
            form.originSiteId = Site.findByGln(Demo.FIELDS_GLN).orElseThrow().id.toString();
            form.destinationSiteId = Site.findByGln(Demo.BAKERY_PLANT_GLN).orElseThrow().id.toString();
            form.batchId = List.of(wheat.id.toString());
            form.quantity = List.of("10");
            ShipmentService shipments = Arc.container().instance(ShipmentService.class).get();
            long shipment = shipments.create(Organization.findByCode(Demo.FARM).orElseThrow(), form).id;
            // departed three hours ago, recorded now: the readings of the trip so far are about the wheat
            return shipments.depart(Organization.findByCode(Demo.CARRIER).orElseThrow(), shipment, vehicle,
                    Instant.now().minus(3, ChronoUnit.HOURS));
        });
        return truck;
    }

    private static Truck registered(String algorithm, String vehicle, Batch wheat) {
        KeyPair keys = ReadingSigner.generate(algorithm);
        String identifier = "https://id.gs1.org/8004/8712348" + "T" + Browser.unique(8);
        long id = given().contentType(ContentType.JSON).body(Map.of("identifier", identifier, "kind", "thermometer",
                "model", "ColdLink TL-20", "vehicle", vehicle, "publicKey", ReadingSigner.publicKeyPem(keys.getPublic())))
                .post("/api/devices").then().statusCode(201).body("status", equalTo("ACTIVE"))
                .extract().jsonPath().getLong("id");
        return new Truck(id, identifier, vehicle, keys, wheat);
    }
}
