package city.trace.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import city.trace.batch.Batch;
import city.trace.epcis.EpcisEvent;
import city.trace.epcis.hash.EventHasher;
import city.trace.epcis.hash.HashVersion;
import city.trace.epcis.xml.XmlDocumentReader;
import city.trace.org.Organization;
import city.trace.product.Product;
import city.trace.proof.ProofBundle;
import city.trace.proof.ProofBundleJson;
import city.trace.proof.cli.VerifyBundleCommand;
import city.trace.support.Anchoring;
import city.trace.support.AnvilNode;
import city.trace.support.Browser;
import city.trace.support.Demo;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The exports of the demo bread's trace, each parsed back and held against the events as stored: FSMA 204 rows,
 * the PDF report, the EPCIS document and the evidence ZIP, whose proof bundle the command-line verifier checks
 * against the chain node; and who may export what.
 */
@QuarkusTest
class AuditExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    AnvilNode anvil;

    private static String bread() {
        return "https://id.gs1.org/01/" + Demo.BREAD_GTIN + "/10/" + Demo.breadLot();
    }

    /** The trace's event IDs as the JSON API gives them, once all of them are anchored for good. */
    private static List<String> tracedEvents(String from, String direction) {
        List<String> ids = given().queryParam("from", from).queryParam("direction", direction).get("/api/trace")
                .then().statusCode(200).extract().jsonPath().getList("events.eventId");
        Anchoring.await(ids, Anchoring.status("FINAL"), Duration.ofSeconds(120));
        return ids;
    }

    private static Response export(String format, String from, String direction, String... filters) {
        var request = given().queryParam("from", from).queryParam("direction", direction);
        for (int i = 0; i < filters.length; i += 2) {
            request.queryParam(filters[i], filters[i + 1]);
        }
        return request.get("/trace/export/" + format);
    }

    private static byte[] download(String format, String from, String direction, String... filters) {
        return export(format, from, direction, filters).then().statusCode(200)
                .header("Content-Disposition", containsString("attachment; filename=\"citytrace-"))
                .header("Content-Disposition", containsString(format + "\"")).extract().asByteArray();
    }

    private static List<CSVRecord> csv(byte[] bytes) throws IOException {
        var format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (var parser = format.parse(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
            assertEquals(FsmaRow.COLUMNS, parser.getHeaderNames());
            return parser.getRecords();
        }
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** The stored events of these IDs, by ID. */
    private static Map<String, EpcisEvent> stored(List<String> ids) {
        return Demo.read(() -> EpcisEvent.listByEventIds(ids).stream().collect(Collectors.toMap(e -> e.eventId, e -> e)));
    }

    @Test
    @TestSecurity(user = "rita", roles = "regulator")
    void theFsmaSpreadsheetHasARowPerCriticalTrackingEventOfEachLot() throws Exception {
        String bread = bread();
        List<String> ids = tracedEvents(bread, "backward");
        Map<String, EpcisEvent> events = stored(ids);
        List<CSVRecord> rows = csv(download("fsma.csv", bread, "backward"));

        // the transformation that made the bread: one row for the bread lot, listing the flour and milk it used
        EpcisEvent baking = events.values().stream().filter(e -> "TransformationEvent".equals(e.eventType)
                && e.event.contains(bread)).findFirst().orElseThrow();
        JsonNode output = baking.json().path("outputQuantityList").get(0);
        CSVRecord made = rows.stream().filter(r -> r.get("EPCIS event ID").equals(baking.eventId)).findFirst().orElseThrow();
        assertEquals("Transformation", made.get("Critical tracking event"));
        assertEquals(Demo.breadLot(), made.get("Traceability lot code"));
        assertEquals(bread, made.get("Traceability lot code (Digital Link)"));
        assertEquals(Demo.BREAD_GTIN, made.get("GTIN"));
        assertEquals(Demo.read(() -> Product.findByGtin(Demo.BREAD_GTIN).orElseThrow().name), made.get("Product description"));
        assertEquals(output.path("quantity").decimalValue().toPlainString(), made.get("Quantity"));
        assertEquals(output.path("uom").asText(), made.get("Unit of measure"));
        assertEquals(Demo.BAKERY_PLANT_GLN, made.get("Location (GLN)"));
        assertTrue(made.get("Traceability lot code source").startsWith(Demo.BAKERY_PLANT_GLN), made.get("Traceability lot code source"));
        Batch flour = Demo.read(() -> Batch.<Batch>find("product.gtin", Demo.FLOUR_GTIN).firstResult());
        assertTrue(made.get("Input traceability lot codes").contains(flour.lot), made.get("Input traceability lot codes"));
        assertEquals(baking.hash, made.get("Event hash"));

        // shipping names its next recipient, receiving its previous source; both from the event's lists
        for (String step : List.of("shipping", "receiving")) {
            EpcisEvent moved = events.values().stream().filter(e -> step.equals(e.bizStepTerm())).findFirst()
                    .orElseThrow(() -> new AssertionError("the demo trace has " + step));
            var claims = moved.claims().orElseThrow();
            CSVRecord row = rows.stream().filter(r -> r.get("EPCIS event ID").equals(moved.eventId)).findFirst().orElseThrow();
            assertEquals(step.equals("shipping") ? "Shipping" : "Receiving", row.get("Critical tracking event"));
            String party = step.equals("shipping") ? row.get("Immediate subsequent recipient") : row.get("Immediate previous source");
            var parties = step.equals("shipping") ? claims.destinations() : claims.sources();
            assertFalse(parties.isEmpty(), step + " names its parties");
            parties.forEach(p -> assertTrue(party.contains(p.id().substring(p.id().lastIndexOf('/') + 1)), party));
            assertEquals(claims.bizTransactions().stream().map(p -> p.id()).collect(Collectors.joining("; ")),
                    row.get("Reference document number"));
        }
        // one row per (event, lot) of each CTE, and nothing from events that are none
        Map<String, Integer> perEvent = new HashMap<>();
        rows.forEach(r -> perEvent.merge(r.get("EPCIS event ID"), 1, Integer::sum));
        events.values().forEach(e -> {
            var claims = e.claims().orElseThrow();
            int expected = FsmaRows.cte(claims).isEmpty() ? 0 : claims.isTransformation()
                    ? claims.lines(city.trace.epcis.IdentifierRole.OUTPUTS).size()
                    : (int) claims.lines().stream().filter(l -> !l.role().name().startsWith("INPUT")
                            && !l.role().name().startsWith("OUTPUT")).count();
            assertEquals(expected, perEvent.getOrDefault(e.eventId, 0), e.eventType + " " + e.bizStep);
        });
        rows.forEach(r -> assertEquals("VERIFIED", r.get("Verification at export")));

        // filters: a product, a date range, a lot-code range
        List<CSVRecord> breadOnly = csv(download("fsma.csv", bread, "backward", "gtin", Demo.BREAD_GTIN));
        assertFalse(breadOnly.isEmpty());
        breadOnly.forEach(r -> assertEquals(Demo.BREAD_GTIN, r.get("GTIN")));
        assertEquals(rows.stream().filter(r -> r.get("GTIN").equals(Demo.BREAD_GTIN)).count(), breadOnly.size());
        assertEquals(0, csv(download("fsma.csv", bread, "backward", "dateFrom", "2999-01-01")).size());
        assertEquals(rows.size(), csv(download("fsma.csv", bread, "backward", "dateFrom", "2000-01-01",
                "dateTo", "2999-12-31")).size());
        List<CSVRecord> oneLot = csv(download("fsma.csv", bread, "backward", "lotFrom", flour.lot, "lotTo", flour.lot));
        assertFalse(oneLot.isEmpty());
        oneLot.forEach(r -> assertEquals(flour.lot, r.get("Traceability lot code")));

        // the XLSX holds the same rows, read back with POI
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download("fsma.xlsx", bread, "backward")))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter cells = new DataFormatter();
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> header.add(cells.formatCellValue(cell)));
            assertEquals(FsmaRow.COLUMNS, header);
            assertEquals(rows.size(), sheet.getLastRowNum());
            for (int i = 0; i < rows.size(); i++) {
                Row row = sheet.getRow(i + 1);
                for (int c = 0; c < FsmaRow.COLUMNS.size(); c++) {
                    assertEquals(rows.get(i).get(c), cells.formatCellValue(row.getCell(c)), "row " + i + ", " + header.get(c));
                }
            }
        }
    }

    @Test
    @TestSecurity(user = "rita", roles = "regulator")
    void theReportAndEpcisDocumentHoldEveryEventAndTheBundleVerifiesOffline() throws Exception {
        String bread = bread();
        List<String> ids = tracedEvents(bread, "backward");
        Map<String, EpcisEvent> events = stored(ids);

        // the EPCIS document: exactly the trace's events, as stored
        JsonNode document = JSON.readTree(download("epcis.jsonld", bread, "backward"));
        assertEquals("EPCISDocument", document.path("type").asText());
        assertEquals("2.0", document.path("schemaVersion").asText());
        JsonNode list = document.path("epcisBody").path("eventList");
        assertEquals(ids.size(), list.size());
        Set<JsonNode> expected = events.values().stream().map(EpcisEvent::json).collect(Collectors.toSet());
        list.forEach(event -> assertTrue(expected.contains(event), event.toString()));

        // the same events in XML: read back alone, each hashes to its stored (anchored) Event Hash ID
        byte[] xml = download("epcis.xml", bread, "backward");
        JsonNode fromXml = new XmlDocumentReader(64, 1 << 20).read(xml);
        JsonNode xmlList = fromXml.path("epcisBody").path("eventList");
        assertEquals(ids.size(), xmlList.size());
        List<String> rehashed = new ArrayList<>();
        for (JsonNode event : xmlList) {
            JsonNode single = fromXml.deepCopy();
            ((ObjectNode) single.path("epcisBody")).set("eventList", JSON.createArrayNode().add(event));
            rehashed.add(new EventHasher().hashDocument(single, HashVersion.DEFAULT).getFirst().hash());
        }
        assertEquals(events.values().stream().map(e -> e.hash).collect(Collectors.toSet()), Set.copyOf(rehashed));

        // the report: every hash, root and outcome, its own SHA-256 in a header
        Response reportResponse = export("report.pdf", bread, "backward");
        reportResponse.then().statusCode(200).contentType("application/pdf");
        byte[] pdf = reportResponse.asByteArray();
        assertEquals(sha256(pdf), reportResponse.header("X-Report-SHA-256"));
        String text = pdfText(pdf).replaceAll("\\s+", " ");
        assertTrue(text.contains("CityTrace audit report"));
        assertTrue(text.contains("epcis.jsonld sha256:") && text.contains("proof-bundle.json sha256:"), text);
        for (String id : ids) {
            assertTrue(text.contains(events.get(id).hash), id);
            assertTrue(text.contains(Anchoring.proof(id).getString("root")), "root of " + id);
        }
        assertEquals(ids.size(), text.split("Verification at export: VERIFIED", -1).length - 1);
        String farm = Demo.read(() -> Organization.findByCode(Demo.FARM).orElseThrow().name);
        assertTrue(text.contains(farm));

        // the evidence ZIP: its files agree with its manifest and report, and its bundle verifies offline
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(download("evidence.zip", bread, "backward")))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        assertEquals(Set.of("epcis.jsonld", "proof-bundle.json", "report.pdf", "manifest.json"), files.keySet());
        JsonNode manifest = JSON.readTree(files.get("manifest.json"));
        assertEquals(3, manifest.path("files").size());
        for (JsonNode file : manifest.path("files")) {
            assertEquals(sha256(files.get(file.path("name").asText())), file.path("sha256").asText(), file.toString());
        }
        String zipReport = pdfText(files.get("report.pdf")).replaceAll("\\s+", " ");
        assertTrue(zipReport.contains("epcis.jsonld sha256:" + sha256(files.get("epcis.jsonld"))), zipReport);
        assertTrue(zipReport.contains("proof-bundle.json sha256:" + sha256(files.get("proof-bundle.json"))), zipReport);
        assertEquals(ids.size(), JSON.readTree(files.get("epcis.jsonld")).path("epcisBody").path("eventList").size());

        ProofBundle bundle = ProofBundleJson.read(new String(files.get("proof-bundle.json"), StandardCharsets.UTF_8));
        assertEquals(Set.copyOf(ids), bundle.events().stream().map(e -> e.eventID()).collect(Collectors.toSet()));
        assertEquals(Demo.BREAD_GTIN, bundle.subject().gtin());
        Path folder = Files.createTempDirectory("evidence");
        try {
            Path file = folder.resolve("proof-bundle.json");
            Files.write(file, files.get("proof-bundle.json"));
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
            int exitCode = VerifyBundleCommand.run(List.of(file.toString(), "--rpc", anvil.rpcUrl()), out, out);
            String printed = output.toString(StandardCharsets.UTF_8);
            assertEquals(0, exitCode, printed);
            assertTrue(printed.contains("Result: " + ids.size() + " VERIFIED"), printed);
        } finally {
            Files.deleteIfExists(folder.resolve("proof-bundle.json"));
            Files.delete(folder);
        }
    }

    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void aManufacturersExportHoldsWhatItsTraceShows() throws Exception {
        String bread = bread();
        List<String> ids = given().queryParam("from", bread).queryParam("direction", "backward").get("/api/trace")
                .then().statusCode(200).extract().jsonPath().getList("events.eventId");
        JsonNode list = JSON.readTree(download("epcis.jsonld", bread, "backward")).path("epcisBody").path("eventList");
        assertEquals(ids.size(), list.size());
        String farm = Demo.read(() -> Organization.findByCode(Demo.FARM).orElseThrow().name);
        Map<String, EpcisEvent> events = stored(ids);
        assertTrue(events.values().stream().noneMatch(e -> Demo.read(() -> EpcisEvent.<EpcisEvent>findById(e.id)
                .organization.name).equals(farm)), "none of the farm's own records");
        List<CSVRecord> rows = csv(download("fsma.csv", bread, "backward"));
        rows.forEach(r -> assertTrue(events.containsKey(r.get("EPCIS event ID")), r.get("EPCIS event ID")));
        assertNotNull(rows);
    }

    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void badRequestsGetProblems() {
        String bread = bread();
        for (String[] wrong : List.of(new String[] { "dateFrom", "yesterday" }, new String[] { "gtin", "12345" },
                new String[] { "dateFrom", "2026-12-02", "dateTo", "2026-12-01" })) {
            given().accept("application/json").queryParam("from", bread).queryParam("direction", "backward")
                    .queryParams(pairs(wrong)).get("/trace/export/fsma.csv").then().statusCode(400)
                    .contentType(containsString("application/problem+json")).body("detail", containsString(wrong[0]));
        }
        given().accept("application/json").queryParam("from", bread).queryParam("direction", "sideways")
                .get("/trace/export/fsma.csv").then().statusCode(400).body("detail", containsString("backward or forward"));
        given().accept("application/json").queryParam("from", bread).get("/trace/export/fsma.ods").then().statusCode(404);
        given().accept("application/json").queryParam("from", "https://id.gs1.org/01/" + Demo.BREAD_GTIN + "/10/NOSUCHLOT")
                .get("/trace/export/epcis.jsonld").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        given().accept("application/json").queryParam("from", " ").get("/trace/export/report.pdf").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "alice", roles = "farmer")
    void otherRolesMayNotExport() {
        given().queryParam("from", bread()).get("/trace/export/fsma.csv").then().statusCode(403);
    }

    @Test
    void signingInIsNeeded() {
        given().redirects().follow(false).queryParam("from", bread()).get("/trace/export/fsma.csv").then()
                .statusCode(302).header("Location", containsString("/protocol/openid-connect/auth"));
    }

    @Test
    @TestSecurity(user = "rita", roles = "regulator")
    void theTracePageOffersTheExports() {
        given().get("/trace/01/" + Demo.BREAD_GTIN + "/10/" + Demo.breadLot()).then().statusCode(200)
                .body(containsString("/trace/export/report.pdf?from="), containsString("/trace/export/evidence.zip?from="),
                        containsString("/trace/export/epcis.jsonld?from="), containsString("action=\"/trace/export/fsma.csv\""),
                        containsString("formaction=\"/trace/export/fsma.xlsx\""), containsString("/js/export.js"));
    }

    @Test
    @TestSecurity(user = "rita", roles = "regulator")
    void aSearchResultIsExportedWholeNotOnlyItsFirstPage() throws Exception {
        List<String> ids = new ArrayList<>();
        String after = null;
        do {
            var request = given().queryParam("org", Demo.BAKERY).queryParam("size", "5");
            JsonPath page = (after == null ? request : request.queryParam("after", after)).get("/api/search").then()
                    .statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("events.eventId"));
            after = page.getString("next");
        } while (after != null);
        assertTrue(ids.size() > 5, "the bakery's events fill more than one page: " + ids.size());

        byte[] document = given().queryParam("org", Demo.BAKERY).queryParam("size", "5")
                .get("/search/export/epcis.jsonld").then().statusCode(200)
                .header("Content-Disposition", containsString("citytrace-search-epcis.jsonld")).extract().asByteArray();
        // events are exported as stored (an event captured without an eventID has none in the document)
        JsonNode exported = JSON.readTree(document).path("epcisBody").path("eventList");
        assertEquals(ids.size(), exported.size());
        Set<JsonNode> expected = stored(ids).values().stream().map(EpcisEvent::json).collect(Collectors.toSet());
        exported.forEach(event -> assertTrue(expected.contains(event), event.toString()));

        String report = pdfText(given().queryParam("org", Demo.BAKERY).get("/search/export/report.pdf").then()
                .statusCode(200).extract().asByteArray()).replaceAll("\\s+", " ");
        assertTrue(report.contains("Search org=" + Demo.BAKERY), report);
        assertTrue(report.contains(ids.size() + " events found"), report);
        assertFalse(report.contains("Trace graph"), "a search has no graph");

        List<CSVRecord> rows = csv(given().queryParam("org", Demo.BAKERY).get("/search/export/fsma.csv").then()
                .statusCode(200).extract().asByteArray());
        assertFalse(rows.isEmpty());
        rows.forEach(row -> assertTrue(ids.contains(row.get("EPCIS event ID")), row.get("EPCIS event ID")));

        given().accept("application/json").queryParam("view", "lots").get("/search/export/fsma.csv").then()
                .statusCode(400).contentType(containsString("application/problem+json"))
                .body("detail", containsString("search events"));
        given().accept("application/json").queryParam("lot", "NO-SUCH-LOT-" + Browser.unique(6))
                .get("/search/export/fsma.csv").then().statusCode(404);
        given().get("/search?org=" + Demo.BAKERY).then().statusCode(200)
                .body(containsString("/search/export/report.pdf?org=" + Demo.BAKERY),
                        containsString("action=\"/search/export/fsma.csv\""),
                        containsString("name=\"org\" value=\"" + Demo.BAKERY + "\""));
        given().get("/search?view=lots&org=" + Demo.BAKERY).then().statusCode(200)
                .body(not(containsString("/search/export/")));
    }

    private static Map<String, String> pairs(String[] values) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < values.length; i += 2) {
            map.put(values[i], values[i + 1]);
        }
        return map;
    }
}
