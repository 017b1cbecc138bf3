package city.trace.device;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import city.trace.batch.Batch;
import city.trace.batch.BatchForm;
import city.trace.batch.BatchService;
import city.trace.device.sim.DeviceSimulator;
import city.trace.epcis.EpcisEvent;
import city.trace.product.Product;
import city.trace.gs1.CheckDigit;
import city.trace.site.Site;
import city.trace.site.SiteService;
import city.trace.support.Anchoring;
import city.trace.support.Browser;
import city.trace.support.Demo;
import city.trace.support.MachineClient;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The device simulator against the running application, as an operator would use it: it makes a key, registers
 * a cold-store probe with the bakery's machine client token, streams signed batches (a forged one refused with
 * 401, a replayed one with 409) and the lot on site shows the measured, verified temperature on its public page.
 */
@QuarkusTest
class SimulatorAgainstTheAppTest {

    private record Run(int exitCode, String out, String err) {
    }

    @Test
    void simulatedReadingsAppearVerifiedOnTheLotsPageAndForgedOrReplayedOnesAreRefused() throws Exception {
        // a cold store of the bakery's of its own (the probe speaks for every lot on its site), with flour made
        // there an hour ago: on site while the probe measures
        String coldStore = CheckDigit.append(Demo.BAKERY_PREFIX + "9" + Browser.unique(4));
        Batch flour = Demo.read(() -> {
            Product product = Product.findByGtin(Demo.FLOUR_GTIN).orElseThrow();
            Site site = Arc.container().instance(SiteService.class).get().add(product.organization,
                    new SiteService.Location(coldStore, "Noorderlicht cold store " + coldStore, "Industrieweg 32",
                            "Groningen", new BigDecimal("53.226500"), new BigDecimal("6.596500")));
            BatchForm form = new BatchForm();
            form.productId = product.id.toString();
            form.lot = "SIM" + Browser.unique(8);
            form.siteId = site.id.toString();
            form.productionDate = LocalDate.now().toString();
            form.quantity = "500";
            form.unit = "KGM";
            return Arc.container().instance(BatchService.class).get().create(product.organization, form,
                    Instant.now().minus(1, ChronoUnit.HOURS));
        });
        Path folder = Files.createTempDirectory("device-sim");
        String key = folder.resolve("probe.pem").toString();
        String url = RestAssured.baseURI + ":" + RestAssured.port;
        String identifier = "urn:example:cold-store-probe:" + Browser.unique(8);
        try {
            assertEquals(0, simulate("keygen", "--key", key).exitCode());
            Run registered = simulate("register", "--url", url, "--token", MachineClient.accessToken(), "--identifier",
                    identifier, "--kind", "thermometer", "--model", "Probe P1", "--site", coldStore, "--key", key);
            assertEquals(0, registered.exitCode(), registered.err());
            String device = registered.out().strip();

            Run streamed = simulate("stream", "--url", url, "--device", device, "--identifier", identifier, "--key", key,
                    "--batches", "2", "--batch-size", "10", "--interval-seconds", "30", "--rate", "20",
                    "--start", Instant.now().minus(20, ChronoUnit.MINUTES).toString(), "--forge", "--replay");
            assertEquals(0, streamed.exitCode(), streamed.out() + streamed.err());
            assertTrue(streamed.out().contains("401") && streamed.out().contains("409"), streamed.out());
        } finally {
            try (var files = Files.list(folder)) {
                files.forEach(file -> file.toFile().delete());
            }
            Files.delete(folder);
        }

        long deviceId = Demo.read(() -> Device.findInService(identifier).orElseThrow().id);
        assertEquals(2L, Demo.read(() -> SignedBatch.count("device.id", deviceId)));
        List<String> events = Demo.read(() -> SignedBatch.<SignedBatch>list("device.id", deviceId).stream()
                .map(b -> EpcisEvent.<EpcisEvent>findById(b.eventId).eventId).toList());
        Anchoring.awaitStored(events, "FINAL", Duration.ofSeconds(60));
        String page = "/01/" + Demo.FLOUR_GTIN + "/10/" + flour.lot;
        given().get(page).then().statusCode(200).body(containsString("Temperature on its way"),
                containsString("by 1 registered device."), containsString("Each reading is signed by the device"));
    }

    private static Run simulate(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = DeviceSimulator.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
