package city.trace.bench;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import city.trace.epcis.EventFacts;
import city.trace.epcis.hash.CanonicalValues;
import city.trace.epcis.hash.EventHash;
import city.trace.epcis.hash.EventHasher;
import city.trace.epcis.hash.HashVersion;

/**
 * Measures EPCIS capture end to end (HTTP → validation → hash → PostgreSQL commit) against a raw COPY of the
 * same rows into the same tables, then query latency on a table of a million events. Run by
 * scripts/benchmark-epcis.sh, which starts the packaged application and its services; results go to a
 * Markdown file.
 *
 * <p>Arguments: appUrl jdbcUrl keycloakUrl resultFile [documents] [clients] [queryEvents]; the client
 * authenticates as the realm's machine client, as partner systems do, whose events belong to its organisation.
 */
public final class EpcisBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The organisation the realm's machine client acts for. */
    private static final String MACHINE_CLIENT_ORGANIZATION = "noorderlicht-bakery";

    private final String app;
    private final String jdbcUrl;
    private final long organizationId;
    private final CaptureClient client;
    private final List<String> report = new ArrayList<>();

    private EpcisBenchmark(String app, String jdbcUrl, String keycloak, long organizationId) {
        this.app = app;
        this.jdbcUrl = jdbcUrl;
        this.organizationId = organizationId;
        this.client = new CaptureClient(app, keycloak);
    }

    private static long organizationId(String jdbcUrl, String code) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl);
                var query = c.prepareStatement("select id from organization where code = ?")) {
            query.setString(1, code);
            var rs = query.executeQuery();
            if (!rs.next()) {
                throw new IllegalStateException("no organisation " + code + " (is the demo data seeded?)");
            }
            return rs.getLong(1);
        }
    }

    public static void main(String[] args) throws Exception {
        EpcisBenchmark bench = new EpcisBenchmark(args[0], args[1], args[2],
                organizationId(args[1], MACHINE_CLIENT_ORGANIZATION));
        Path result = Path.of(args[3]);
        int documents = args.length > 4 ? Integer.parseInt(args[4]) : 100;
        int clients = args.length > 5 ? Integer.parseInt(args[5]) : 4;
        int queryEvents = args.length > 6 ? Integer.parseInt(args[6]) : 1_000_000;
        bench.run(documents, clients, queryEvents);
        Files.writeString(result, String.join("\n", bench.report) + "\n");
        System.out.println(String.join("\n", bench.report));
    }

    private void run(int documents, int clients, int queryEvents) throws Exception {
        line("## Capture: documents of %d events, end to end vs COPY", CaptureClient.EVENTS_PER_DOCUMENT);
        line("");
        // warm up the JIT and the connection pool on events that are not measured
        client.capture(CaptureClient.generate("W", 60, CaptureClient.EVENTS_PER_DOCUMENT), clients);
        truncate();

        // Disk speed varies on shared machines: alternate the two paths, round by round, on fresh documents.
        int events = documents * CaptureClient.EVENTS_PER_DOCUMENT;
        int rounds = 3;
        double[] captureRates = new double[rounds];
        double[] copyRates = new double[rounds];
        line("| round | `POST /epcis/capture`, %d concurrent clients (HTTP, validation, hash, commit) | `COPY` of the "
                + "same rows into the same tables | ratio |", clients);
        line("|---|---|---|---|");
        for (int round = 0; round < rounds; round++) {
            List<String> documentsToSend = CaptureClient.generate("C" + round, documents, CaptureClient.EVENTS_PER_DOCUMENT);
            long captureNanos = client.capture(documentsToSend, clients);
            long stored = count("select count(*) from epcis_event where event_id like 'urn:uuid:%'");
            if (stored != events) {
                throw new IllegalStateException("expected " + events + " stored events, found " + stored);
            }
            truncate();
            long copyNanos = copy(documentsToSend);
            truncate();
            captureRates[round] = events / (captureNanos / 1e9);
            copyRates[round] = events / (copyNanos / 1e9);
            line("| %d | %,.0f events/s (%,d in %.2f s) | %,.0f events/s (%.2f s) | %.2f |", round + 1, captureRates[round],
                    events, captureNanos / 1e9, copyRates[round], copyNanos / 1e9, captureRates[round] / copyRates[round]);
        }
        double capture = median(captureRates);
        double copy = median(copyRates);
        line("| **median** | **%,.0f events/s** | %,.0f events/s | **%.2f** |", capture, copy, capture / copy);
        line("");
        line("Capture end to end reaches %.0f%% of the speed of a raw COPY of the same rows.", 100 * capture / copy);
        line("");

        queries(queryEvents);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    // --- COPY of the same rows

    /** The rows capture writes for these documents, as COPY text, one pair of blocks per document. */
    private record CopyRows(List<String> events, List<String> identifiers) {
    }

    private CopyRows rows(List<String> documents, long firstId) throws IOException {
        EventHasher hasher = new EventHasher();
        CanonicalValues values = new CanonicalValues(Map.of());
        List<String> events = new ArrayList<>();
        List<String> identifiers = new ArrayList<>();
        long id = firstId;
        String recordTime = Instant.now().toString();
        for (String document : documents) {
            StringBuilder eventRows = new StringBuilder();
            StringBuilder identifierRows = new StringBuilder();
            for (JsonNode event : JSON.readTree(document).at("/epcisBody/eventList")) {
                EventHash hash = hasher.hash(event, Map.of(), HashVersion.CBV2_0);
                EventFacts facts = EventFacts.of(event, values);
                eventRows.append(tsv(String.valueOf(id), event.get("eventID").asText(), facts.type(), facts.action(),
                        facts.eventTime().toString(), facts.eventTimeZoneOffset(), recordTime, facts.bizStep(),
                        facts.disposition(), facts.readPoint(), facts.bizLocation(), facts.transformationId(),
                        hash.hash(), "CBV2.0", hash.prehash(), String.valueOf(organizationId), "{}",
                        JSON.writeValueAsString(event)));
                for (EventFacts.Identifier identifier : facts.identifiers()) {
                    identifierRows.append(tsv(identifier.value(), identifier.role().code, String.valueOf(id)));
                }
                id++;
            }
            events.add(eventRows.toString());
            identifiers.add(identifierRows.toString());
        }
        return new CopyRows(events, identifiers);
    }

    /** COPYs the rows of every document, one transaction per document as capture commits one per request. */
    private long copy(List<String> documents) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            CopyRows rows = rows(documents, reserveIds(c, (long) documents.size() * CaptureClient.EVENTS_PER_DOCUMENT));
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            c.setAutoCommit(false);
            long start = System.nanoTime();
            for (int i = 0; i < documents.size(); i++) {
                copyBlock(copy, rows.events().get(i), rows.identifiers().get(i));
                c.commit();
            }
            return System.nanoTime() - start;
        }
    }

    private static void copyBlock(CopyManager copy, String events, String identifiers) throws SQLException, IOException {
        copy.copyIn("copy epcis_event (id, event_id, event_type, action, event_time, event_time_zone_offset, "
                + "record_time, biz_step, disposition, read_point, biz_location, transformation_id, hash, hash_version, "
                + "prehash, organization_id, namespaces, event) from stdin", new StringReader(events));
        copy.copyIn("copy epcis_event_epc (epc, role, event_id) from stdin", new StringReader(identifiers));
    }

    /** Takes n ids from the identity sequence (COPY writes explicit values into identity columns). */
    private static long reserveIds(Connection c, long n) throws SQLException {
        try (var rs = c.createStatement().executeQuery("select setval(pg_get_serial_sequence('epcis_event', 'id'), "
                + "nextval(pg_get_serial_sequence('epcis_event', 'id')) + " + (n - 1) + ") - " + (n - 1))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String tsv(String... columns) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < columns.length; i++) {
            if (i > 0) {
                row.append('\t');
            }
            String value = columns[i];
            if (value == null) {
                row.append("\\N");
            } else {
                for (int k = 0; k < value.length(); k++) {
                    char ch = value.charAt(k);
                    switch (ch) {
                        case '\\' -> row.append("\\\\");
                        case '\t' -> row.append("\\t");
                        case '\n' -> row.append("\\n");
                        case '\r' -> row.append("\\r");
                        default -> row.append(ch);
                    }
                }
            }
        }
        return row.append('\n').toString();
    }

    private void truncate() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            // with everything that follows from an event: its anchoring entry, its stock movements
            c.createStatement().execute("truncate epcis_event_epc, epcis_event, epcis_capture, anchor_outbox, anchor_leaf, "
                    + "tamper_alert, stock_movement, stock, delegation");
            c.createStatement().execute("vacuum analyze epcis_event, epcis_event_epc");
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // --- query latency on a large table

    private void queries(int events) throws Exception {
        line("## Query latency on %,d events", events);
        line("");
        long loadStart = System.nanoTime();
        List<String> sampleEpcs = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            c.setAutoCommit(false);
            int chunks = events / (10 * CaptureClient.EVENTS_PER_DOCUMENT);
            for (int chunk = 0; chunk < chunks; chunk++) {
                List<String> documents = CaptureClient.generate("Q" + chunk, 10, CaptureClient.EVENTS_PER_DOCUMENT);
                CopyRows rows = rows(documents, reserveIds(c, 10L * CaptureClient.EVENTS_PER_DOCUMENT));
                copyBlock(copy, String.join("", rows.events()), String.join("", rows.identifiers()));
                c.commit();
                JsonNode first = JSON.readTree(documents.get(chunk % 10)).at("/epcisBody/eventList");
                for (int k = 0; k < 50; k++) {
                    sampleEpcs.add(first.get(k * 13).get("epcList").get(0).asText());
                }
            }
            c.setAutoCommit(true);
            c.createStatement().execute("vacuum analyze epcis_event, epcis_event_epc");
        }
        line("Loaded with COPY in %.0f s (table and indexes as capture writes them).", (System.nanoTime() - loadStart) / 1e9);
        line("");
        Random random = new Random(7);
        line("| query (`GET /epcis/events`, authenticated, default page of 30) | requests | p50 ms | p99 ms | mean ms |");
        line("|---|---|---|---|---|");
        latency("`MATCH_epc` = one EPC (URN), random among the table", 2000, () ->
                "MATCH_epc=" + enc(sampleEpcs.get(random.nextInt(sampleEpcs.size()))));
        latency("`GE_eventTime`/`LT_eventTime`: a one-hour window at random in the year", 2000, () -> {
            Instant from = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(31_536_000 - 3600));
            return "GE_eventTime=" + enc(from.toString()) + "&LT_eventTime=" + enc(from.plusSeconds(3600).toString());
        });
        line("");
    }

    private void latency(String label, int requests, java.util.function.Supplier<String> query) throws Exception {
        for (int i = 0; i < requests / 10; i++) {
            get(query.get());
        }
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            String q = query.get();
            long start = System.nanoTime();
            get(q);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        line("| %s | %d | %.1f | %.1f | %.1f |", label, requests, nanos[requests / 2] / 1e6,
                nanos[(int) (requests * 0.99)] / 1e6, Arrays.stream(nanos).average().orElse(0) / 1e6);
    }

    private void get(String query) throws IOException, InterruptedException {
        HttpResponse<String> response = client.http().send(HttpRequest.newBuilder(URI.create(app + "/epcis/events?" + query))
                .header("Authorization", "Bearer " + client.token()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("query answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private void line(String format, Object... args) {
        report.add(String.format(Locale.ROOT, format, args));
    }
}
