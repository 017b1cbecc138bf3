package city.trace.device;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import city.trace.batch.Batch;
import city.trace.batch.Unit;
import city.trace.org.Organization;
import city.trace.shipment.Shipment;
import city.trace.shipment.ShipmentForm;
import city.trace.shipment.ShipmentService;
import city.trace.site.Site;
import io.quarkus.arc.Arc;

import city.trace.signedreadings.ReadingSigner;
import city.trace.support.Browser;
import city.trace.support.Demo;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/** The device and cold-chain pages, as manufacturers and the consortium admin use them. */
@QuarkusTest
class DevicePagesTest {

    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void aManufacturerRegistersASiteDeviceSuspendsAndRetiresIt() {
        String identifier = "urn:example:bakery-thermometer:" + Browser.unique(8);
        String publicKey = ReadingSigner.publicKeyPem(ReadingSigner.generate("EdDSA").getPublic());
        // a private key is refused, in the page, and nothing is registered
        Browser.open("/devices/new").submit().formParam("identifier", identifier).formParam("kind", "thermometer")
                .formParam("model", "Cellar T1").formParam("site", Demo.BAKERY_PLANT_GLN)
                .formParam("publicKey", ReadingSigner.privateKeyPem(ReadingSigner.generate("EdDSA").getPrivate()))
                .post("/devices").then().statusCode(400).body(containsString("never takes private keys"));
        assertEquals(0L, Demo.read(() -> Device.count("identifier", identifier)));

        String location = Browser.open("/devices/new").submit().formParam("identifier", identifier)
                .formParam("kind", "thermometer").formParam("model", "Cellar T1").formParam("site", Demo.BAKERY_PLANT_GLN)
                .formParam("publicKey", publicKey).post("/devices")
                .then().statusCode(303).header("Location", matchesPattern(".*/devices/\\d+")).extract().header("Location");
        String path = location.substring(location.indexOf("/devices/"));
        given().get("/devices").then().statusCode(200).body(containsString(identifier), containsString("Noorderlicht mill"));
        given().get(path).then().statusCode(200).body(containsString("EdDSA"), containsString("BEGIN PUBLIC KEY"),
                containsString("Suspend"), containsString("No batch of readings yet"));

        Browser.open(path).submit().post(path + "/suspend").then().statusCode(303);
        given().get(path).then().body(containsString("suspended"), containsString("Resume"));
        Browser.open(path).submit().post(path + "/retire").then().statusCode(303);
        given().get(path).then().body(containsString("Retired"), not(containsString(">Resume<")));
        assertEquals(Device.Status.RETIRED, Demo.read(() -> Device.<Device>find("identifier", identifier).firstResult().status));
    }

    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void aManufacturerSetsTheColdChainOfAProductAndBadValuesAreShownInThePage() {
        Browser.open("/cold-chain").submit().formParam("product", Demo.BREAD_GTIN).formParam("minCelsius", "8")
                .formParam("maxCelsius", "2").post("/cold-chain").then().statusCode(400)
                .body(containsString("error"));
        Browser.open("/cold-chain").submit().formParam("product", Demo.BREAD_GTIN).formParam("minCelsius", "2")
                .formParam("maxCelsius", "eight").post("/cold-chain").then().statusCode(400)
                .body(containsString("Enter a temperature in °C"));
        Browser.open("/cold-chain").submit().formParam("category", "Frozen goods").formParam("maxCelsius", "-18")
                .formParam("toleratedMinutes", "15").post("/cold-chain").then().statusCode(303);
        given().get("/cold-chain").then().statusCode(200)
                .body(containsString("every product of category “Frozen goods”"), containsString("≤ -18 °C, 15 min tolerated"));
    }

    @Test
    @TestSecurity(user = "carl", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.CARRIER))
    void theCarrierNamesTheVehicleWhenAShipmentDeparts() {
        Batch wheat = Demo.batch(Demo.WHEAT_GTIN, Demo.FIELDS_GLN, "VEH", "5", Unit.TNE);
        long id = Demo.read(() -> {
            ShipmentForm form = new ShipmentForm();
            form.carrierId = Organization.findByCode(Demo.CARRIER).orElseThrow().id.toString();
            form.originSiteId = Site.findByGln(Demo.FIELDS_GLN).orElseThrow().id.toString();
            form.destinationSiteId = Site.findByGln(Demo.BAKERY_PLANT_GLN).orElseThrow().id.toString();
            form.batchId = List.of(wheat.id.toString());
            form.quantity = List.of("5");
            return Arc.container().instance(ShipmentService.class).get()
                    .create(Organization.findByCode(Demo.FARM).orElseThrow(), form).id;
        });
        given().get("/shipments/" + id).then().statusCode(200).body(containsString("name=\"vehicle\""));
        Browser.open("/shipments/" + id).submit().formParam("vehicle", "<NL 12>").post("/shipments/" + id + "/depart")
                .then().statusCode(400).body(containsString("A vehicle&#39;s name is 1 to 64"));
        Browser.open("/shipments/" + id).submit().formParam("vehicle", "NL-12-AB").post("/shipments/" + id + "/depart")
                .then().statusCode(303);
        assertEquals("NL-12-AB", Demo.read(() -> Shipment.<Shipment>findById(id).vehicle));
        given().get("/shipments/" + id).then().body(containsString("vehicle <code>NL-12-AB</code>"));
    }

    @Test
    @TestSecurity(user = "adam", roles = "consortium-admin")
    void theConsortiumAdminSeesEveryDevice() {
        String identifier = "urn:example:dairy-tank:" + Browser.unique(8);
        Demo.read(() -> {
            DeviceForm form = new DeviceForm();
            form.identifier = identifier;
            form.kind = "thermometer";
            form.model = "Tank probe";
            form.vehicle = "MILK-TANKER-1";
            form.publicKey = ReadingSigner.publicKeyPem(ReadingSigner.generate("ES256").getPublic());
            return Arc.container().instance(DeviceRegistry.class).get()
                    .register(Organization.findByCode(Demo.DAIRY).orElseThrow(), "zoe", form);
        });
        given().get("/devices").then().statusCode(200).body(containsString("Organisation"), containsString(identifier),
                containsString("Zonneweide Dairy"));
        given().get("/devices/new").then().statusCode(403);
    }
}
