package city.trace.bench;

import java.io.IOException;
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
import java.util.Random;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
    private static final String DEADLOCK_DETECTED = "40P01";

    /** The organisation the realm's machine client acts for. */
    static final String MACHINE_CLIENT_ORGANIZATION = "noorderlicht-bakery";

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

    static long organizationId(String jdbcUrl, String code) throws SQLException {
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
        client.capture(CaptureClient.generate("W", Math.min(60, documents), CaptureClient.EVENTS_PER_DOCUMENT), clients);
        truncate();

        // Disk speed varies on shared machines: alternate the two paths, round by round, on fresh documents.
        int events = documents * CaptureClient.EVENTS_PER_DOCUMENT;
        int rounds = 3;
        double[] captureRates = new double[rounds];
        double[] copyRates = new double[rounds];
        double[] cutRates = new double[rounds];
        line("| round | `POST /epcis/capture`, %d concurrent clients (HTTP, validation, hash, commit), anchoring worker "
                + "on | until the worker has cut every one into a Merkle batch | `COPY` of the same rows into the same "
                + "tables | ratio capture / COPY |", clients);
        line("|---|---|---|---|---|");
        for (int round = 0; round < rounds; round++) {
            List<String> documentsToSend = CaptureClient.generate("C" + round, documents, CaptureClient.EVENTS_PER_DOCUMENT);
            long start = System.nanoTime();
            long captureNanos = client.capture(documentsToSend, clients);
            awaitOutboxEmpty();
            long cutNanos = System.nanoTime() - start;
            long stored = count("select count(*) from epcis_event where event_id like 'urn:uuid:%'");
            if (stored != events) {
                throw new IllegalStateException("expected " + events + " stored events, found " + stored);
            }
            truncate();
            long copyNanos = copy(documentsToSend);
            truncate();
            captureRates[round] = events / (captureNanos / 1e9);
            cutRates[round] = events / (cutNanos / 1e9);
            copyRates[round] = events / (copyNanos / 1e9);
            line("| %d | %,.0f events/s (%,d in %.2f s) | %,.0f events/s (%.2f s) | %,.0f events/s (%.2f s) | %.2f |",
                    round + 1, captureRates[round], events, captureNanos / 1e9, cutRates[round], cutNanos / 1e9,
                    copyRates[round], copyNanos / 1e9, captureRates[round] / copyRates[round]);
        }
        double capture = median(captureRates);
        double copy = median(copyRates);
        line("| **median** | **%,.0f events/s** | %,.0f events/s | %,.0f events/s | **%.2f** |", capture, median(cutRates),
                copy, capture / copy);
        line("");
        line("Capture end to end, with the anchoring worker cutting batches, building trees and sending roots meanwhile, "
                + "reaches %.0f%% of the speed of a raw COPY of the same rows (events, identifiers, outbox entries).",
                100 * capture / copy);
        line("");

        queries(queryEvents);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    // --- COPY of the same rows

    /**
     * The rows capture writes for these documents, one block per document, ids from {@code firstId} on; with outbox
     * entries when {@code anchored}.
     */
    private List<EventRows> rows(List<String> documents, long firstId, boolean anchored) throws IOException {
        List<EventRows> blocks = new ArrayList<>();
        long id = firstId;
        String recordTime = Instant.now().toString();
        for (String document : documents) {
            EventRows rows = new EventRows(recordTime, anchored);
            for (JsonNode event : JSON.readTree(document).at("/epcisBody/eventList")) {
                rows.add(id++, event, organizationId);
            }
            blocks.add(rows);
        }
        return blocks;
    }

    /** COPYs the rows of every document, one transaction per document as capture commits one per request. */
    private long copy(List<String> documents) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            List<EventRows> blocks = rows(documents, EventRows.reserveIds(c, "epcis_event",
                    (long) documents.size() * CaptureClient.EVENTS_PER_DOCUMENT), true);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            c.setAutoCommit(false);
            long start = System.nanoTime();
            for (EventRows block : blocks) {
                block.copy(copy);
                c.commit();
            }
            return System.nanoTime() - start;
        }
    }

    /** Waits until the anchoring worker has taken every event from the outbox into a batch. */
    private void awaitOutboxEmpty() throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
        while (count("select count(*) from anchor_outbox") > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the anchoring worker did not empty the outbox in 5 minutes");
            }
            Thread.sleep(100);
        }
    }

    /** Empties the event tables, once the anchoring worker has cut what waited (batches already cut stay). */
    private void truncate() throws SQLException, InterruptedException {
        awaitOutboxEmpty();
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            for (int attempt = 1; ; attempt++) {
                try {
                    // with everything that follows from an event: its anchoring entry, its stock movements, a device's
                    // readings
                    c.createStatement().execute("truncate epcis_event_epc, epcis_event, epcis_capture, anchor_outbox, "
                            + "anchor_leaf, tamper_alert, stock_movement, stock, delegation, recall_lot, recall, "
                            + "device_reading_lot, device_reading, device_reading_batch, cold_chain_alert");
                    break;
                } catch (SQLException e) {
                    // The app's sweep reads events and their identifiers in one transaction, in its own order: when
                    // PostgreSQL breaks the resulting deadlock by aborting the truncate, the sweep has ended; try again.
                    if (!DEADLOCK_DETECTED.equals(e.getSQLState()) || attempt == 5) {
                        throw e;
                    }
                    System.err.println("truncate deadlocked with the running app (attempt " + attempt + "), again");
                }
            }
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
                for (EventRows block : rows(documents, EventRows.reserveIds(c, "epcis_event",
                        10L * CaptureClient.EVENTS_PER_DOCUMENT), false)) {
                    block.copy(copy);
                }
                c.commit();
                JsonNode first = JSON.readTree(documents.get(chunk % 10)).at("/epcisBody/eventList");
                for (int k = 0; k < 50; k++) {
                    sampleEpcs.add(first.get(k * 13).get("epcList").get(0).asText());
                }
            }
            c.setAutoCommit(true);
            c.createStatement().execute("vacuum analyze epcis_event, epcis_event_epc");
        }
        line("Loaded with COPY in %.0f s (table and indexes as capture writes them; without outbox entries: these events "
                + "are only there to be searched).", (System.nanoTime() - loadStart) / 1e9);
        line("");
        Random random = new Random(7);
        int requests = Math.max(100, Math.min(2000, events / 500));
        line("| query (`GET /epcis/events`, authenticated, default page of 30) | requests | p50 ms | p99 ms | mean ms |");
        line("|---|---|---|---|---|");
        latency("`MATCH_epc` = one EPC (URN), random among the table", requests, () ->
                "MATCH_epc=" + enc(sampleEpcs.get(random.nextInt(sampleEpcs.size()))));
        latency("`GE_eventTime`/`LT_eventTime`: a one-hour window at random in the year", requests, () -> {
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
