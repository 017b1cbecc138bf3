package city.trace.recall;

import static city.trace.support.Events.quantity;
import static city.trace.support.Events.transformation;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import city.trace.batch.Batch;
import city.trace.batch.Unit;
import city.trace.custody.ClaimChecks;
import city.trace.epcis.CaptureService;
import city.trace.epcis.EpcisEvent;
import city.trace.org.Organization;
import city.trace.shipment.ShipmentService;
import city.trace.support.Anchoring;
import city.trace.support.AnvilNode;
import city.trace.support.Browser;
import city.trace.support.Demo;
import city.trace.support.Events;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/**
 * Recalls: a regulator's reaches every lot made from the recalled one, each recalled by an anchored event the
 * rules vouch for, on every public page (three languages), in the linkset and on the dashboards, and a member's
 * webhook hears of it; a maker's recall records its own lots and leaves the others to their owners.
 */
@QuarkusTest
@TestProfile(RecallTest.WithWebhook.class)
class RecallTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BlockingQueue<String> NOTICES = new ArrayBlockingQueue<>(10);
    private static final String PORT = "citytrace.test.recall-webhook-port";
    private static HttpServer receiver;

    /**
     * The bakery's systems listen for recalls on a local port. Quarkus loads the profile and the test in class
     * loaders of their own: the port goes from one to the other as a system property.
     */
    public static class WithWebhook implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String port = System.getProperty(PORT, String.valueOf(AnvilNode.freePort()));
            System.setProperty(PORT, port);
            return Map.of("citytrace.recall.webhooks." + Demo.BAKERY, "http://127.0.0.1:" + port + "/recalls");
        }
    }

    @BeforeAll
    static void listen() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(System.getProperty(PORT))), 0);
        receiver.createContext("/recalls", exchange -> {
            NOTICES.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopListening() {
        receiver.stop(0);
    }

    private static Organization org(String code) {
        return Organization.findByCode(code).orElseThrow();
    }

    /** Records an event as {@code orgCode} through the recording rules, as a capture would. */
    private static void recordAs(String orgCode, String event) {
        Demo.read(() -> {
            try {
                return Arc.container().instance(CaptureService.class).get().record(org(orgCode), JSON.readTree(event), Map.of());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String breadLot(String prefix) {
        return "https://id.gs1.org/01/" + Demo.BREAD_GTIN + "/10/" + prefix + Browser.unique(8);
    }

    private static String path(String lotLink) {
        return lotLink.substring("https://id.gs1.org".length());
    }

    private static long declare(String lot, String reason, String severity) {
        String location = Browser.open("/recalls/new").submit().formParam("lot", lot).formParam("reason", reason)
                .formParam("severity", severity).post("/recalls").then().statusCode(303).extract().header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private static Map<String, RecallLot> affected(long recallId) {
        return Demo.read(() -> RecallLot.listOf(Recall.findById(recallId)).stream()
                .collect(Collectors.toMap(lot -> lot.lotLink, lot -> lot)));
    }

    @Test
    @TestSecurity(user = "rita", roles = "regulator")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.REGULATOR))
    void aRegulatorsRecallReachesEveryLotMadeFromTheRecalledOne() throws InterruptedException, IOException {
        Batch flourBatch = Demo.batch(Demo.FLOUR_GTIN, Demo.BAKERY_PLANT_GLN, "RF", "100", Unit.KGM);
        Batch otherFlour = Demo.batch(Demo.FLOUR_GTIN, Demo.BAKERY_PLANT_GLN, "RO", "100", Unit.KGM);
        String flour = Events.lot(flourBatch);
        String loaf = breadLot("RB");
        String roll = breadLot("RR");
        String toast = breadLot("RT");
        String unrelated = breadLot("RU");
        recordAs(Demo.BAKERY, transformation(Demo.BAKERY_PLANT_GLN, List.of(quantity(flour, "2", "KGM")),
                List.of(quantity(loaf, "4", "KGM"), quantity(roll, "1", "KGM"))));
        recordAs(Demo.BAKERY, transformation(Demo.BAKERY_PLANT_GLN, List.of(quantity(loaf, "1", "KGM")),
                List.of(quantity(toast, "1", "KGM"))));
        recordAs(Demo.BAKERY, transformation(Demo.BAKERY_PLANT_GLN, List.of(quantity(Events.lot(otherFlour), "1", "KGM")),
                List.of(quantity(unrelated, "2", "KGM"))));
        NOTICES.clear();

        long recall = declare(flour, "Salmonella found in the mill's sample", "CLASS_I");

        Map<String, RecallLot> lots = affected(recall);
        assertEquals(Map.of(flour, 0, loaf, 1, roll, 1, toast, 2),
                lots.values().stream().collect(Collectors.toMap(lot -> lot.lotLink, lot -> lot.distance)));
        long regulator = Demo.read(() -> org(Demo.REGULATOR).id);
        List<Long> eventIds = lots.values().stream().map(lot -> lot.eventId).distinct().toList();
        List<String> recallEvents = Demo.read(() -> eventIds.stream().map(id -> {
            EpcisEvent event = EpcisEvent.findById(id);
            assertEquals("https://ref.gs1.org/cbv/Disp-recalled", event.disposition);
            assertEquals(regulator, event.organization.id);
            // vouched for: a regulator may recall any lot
            assertTrue(Arc.container().instance(ClaimChecks.class).get().check(List.of(event)).get(id).isEmpty());
            return event.eventId;
        }).toList());
        assertEquals(Batch.Status.RECALLED, Demo.read(() -> Batch.<Batch>findById(flourBatch.id).status));
        assertEquals(Batch.Status.ACTIVE, Demo.read(() -> Batch.<Batch>findById(otherFlour.id).status));

        // every recalled lot's public page warns, in each of the three languages, at once; the unrelated one does not
        given().accept("text/html").get(path(toast)).then().statusCode(200)
                .body(containsString("This lot has been recalled: do not eat it"));
        given().accept("text/html").header("Accept-Language", "nl").get(path(roll)).then()
                .body(containsString("Deze partij is teruggeroepen: niet opeten"));
        given().accept("text/html").header("Accept-Language", "zh").get(path(loaf)).then()
                .body(containsString("此批次已被召回"));
        given().accept("text/html").get(path(unrelated)).then().statusCode(200).body(not(containsString("has been recalled")));
        // the linkset of a lot known only from events points to its recall notice too
        given().accept("application/linkset+json").get(path(toast)).then()
                .body("linkset[0].'https://gs1.org/voc/recallStatus'[0].href", endsWith("?linkType=gs1:recallStatus"));
        given().accept("text/html").get(path(toast) + "?linkType=gs1:recallStatus").then().statusCode(200)
                .body(containsString("Do not eat or use it"));

        // the bakery's systems were told, with its lots
        Map<?, ?> notice = JSON.readValue(NOTICES.poll(10, TimeUnit.SECONDS), Map.class);
        assertEquals(recall, ((Number) notice.get("recall")).longValue());
        assertEquals("CLASS_I", notice.get("severity"));
        assertTrue(((List<?>) notice.get("yourLots")).containsAll(List.of(flour, loaf, roll, toast)));

        // anchored like every event
        Anchoring.await(recallEvents, Anchoring.status("FINAL"), Duration.ofSeconds(60));

        // while it is open, the lot cannot be recalled a second time: nothing is recorded again
        long recalls = Demo.read(() -> Recall.count());
        Browser.open("/recalls/new").submit().formParam("lot", flour).formParam("reason", "Salmonella, again")
                .formParam("severity", "CLASS_I").post("/recalls").then().statusCode(400)
                .body(matchesRegex("(?s).*This lot is already recalled \\(recall #" + recall
                        + ", open since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\(UTC\\)\\).*"));
        assertEquals(recalls, (long) Demo.read(() -> Recall.count()));

        // the regulator's dashboard lists it; closing it keeps its lots recalled and its history
        given().get("/dashboard").then().body(containsString("Open recalls"), containsString("/recalls/" + recall));
        Browser.open("/recalls/" + recall).submit().formParam("note", "All lots destroyed").post("/recalls/" + recall + "/close")
                .then().statusCode(303);
        given().get("/recalls/" + recall).then().statusCode(200).body(containsString("Closed"),
                containsString("All lots destroyed"), containsString("Salmonella found"));
        given().get("/dashboard").then().body(not(containsString("/recalls/" + recall + "\"")));
        given().accept("text/html").get(path(toast)).then().body(containsString("This lot has been recalled"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
    void aMakersRecallRecordsItsOwnLotsAndOthersRecordTheirs() {
        Batch wheat = Demo.batch(Demo.WHEAT_GTIN, Demo.FIELDS_GLN, "RW", "5", Unit.TNE);
        // the farm ships 3 t to the bakery, which mills it into its own flour
        long shipment = Demo.shipWheatToBakery(wheat, "3");
        Demo.read(() -> Arc.container().instance(ShipmentService.class).get().arrive(org(Demo.BAKERY), shipment));
        String flour = "https://id.gs1.org/01/" + Demo.FLOUR_GTIN + "/10/RWF" + Browser.unique(8);
        recordAs(Demo.BAKERY, transformation(Demo.BAKERY_PLANT_GLN, List.of(quantity(Events.lot(wheat), "3", "TNE")),
                List.of(quantity(flour, "2400", "KGM"))));

        // the farm may not recall the bakery's flour; it may recall its wheat
        Browser.open("/recalls/new").submit().formParam("lot", flour).formParam("reason", "Mould")
                .formParam("severity", "CLASS_II").post("/recalls").then().statusCode(400)
                .body(containsString("Only a regulator or the lot&#39;s maker may recall it"));
        long recall = declare(Events.lot(wheat), "Mould in the silo", "CLASS_II");

        Map<String, RecallLot> lots = affected(recall);
        assertNotNull(lots.get(Events.lot(wheat)).eventId, "the farm recalled its own lot");
        assertNull(lots.get(flour).eventId, "the bakery's flour waits for the bakery");
        given().get("/recalls/" + recall).then().statusCode(200).body(containsString("waiting for its owner"));
        given().get("/dashboard").then().body(containsString("/recalls/" + recall));

        // the bakery records its part: its flour is recalled by its own, vouched event
        Demo.read(() -> Arc.container().instance(RecallService.class).get().recordOwnLots(org(Demo.BAKERY), recall));
        RecallLot flourLot = affected(recall).get(flour);
        assertNotNull(flourLot.eventId);
        assertEquals(Demo.read(() -> org(Demo.BAKERY).id),
                Demo.read(() -> EpcisEvent.<EpcisEvent>findById(flourLot.eventId).organization.id));
        given().accept("text/html").get(path(flour)).then().body(containsString("This lot has been recalled"));
    }

    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void badDeclarationsAreRefusedWithReasonsAndNothingIsStored() {
        long before = Demo.read(() -> Recall.count());
        Browser.open("/recalls/new").submit().formParam("lot", "https://id.gs1.org/01/" + Demo.FLOUR_GTIN)
                .formParam("reason", "").formParam("severity", "CLASS_IV").post("/recalls").then().statusCode(400)
                .body(containsString("Enter the lot&#39;s Digital Link"), containsString("Say why the lot is recalled"),
                        containsString("Choose how dangerous the lot is"));
        Browser.open("/recalls/new").submit().formParam("lot", "https://id.gs1.org/01/" + Demo.FLOUR_GTIN + "/10/NEVER")
                .formParam("reason", "Glass").formParam("severity", "CLASS_I").post("/recalls").then().statusCode(400)
                .body(containsString("Nothing is recorded about this lot"));
        assertEquals(before, (long) Demo.read(() -> Recall.count()));
    }
}
