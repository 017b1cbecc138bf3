package city.trace.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Anchoring under load, against the packaged app with anvil mining a block every 2 s: how long an event waits
 * from capture to its anchor in a block (p50/p99), and whether anchoring keeps pace with capture at the
 * capture benchmark's rate (the backlog of events not yet anchored does not grow). Run by
 * scripts/benchmark-anchor-latency.sh.
 *
 * <p>Arguments: appUrl jdbcUrl keycloakUrl resultFile [seconds (60)] [clients (4)] [documents captured at full
 * speed (15 a second)]
 */
public final class AnchoringBenchmark {

    private final CaptureClient client;
    private final String jdbcUrl;
    private final Backlog backlog;
    private final List<String> report = new ArrayList<>();

    private AnchoringBenchmark(String app, String jdbcUrl, String keycloak) {
        this.client = new CaptureClient(app, keycloak);
        this.jdbcUrl = jdbcUrl;
        this.backlog = new Backlog(jdbcUrl);
    }

    public static void main(String[] args) throws Exception {
        AnchoringBenchmark bench = new AnchoringBenchmark(args[0], args[1], args[2]);
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 60;
        int clients = args.length > 5 ? Integer.parseInt(args[5]) : 4;
        bench.latency(seconds);
        bench.pace(seconds, clients, args.length > 6 ? Integer.parseInt(args[6]) : seconds * 15);
        Files.writeString(Path.of(args[3]), String.join("\n", bench.report) + "\n");
        System.out.println(String.join("\n", bench.report));
    }

    /** A steady trickle of captures; each event's time from its record time to its round's anchoring. */
    private void latency(int seconds) throws Exception {
        List<String> documents = CaptureClient.generate("T", seconds, 100);
        long since = maxEventId();
        for (String document : documents) {
            long start = System.nanoTime();
            client.capture(List.of(document), 1);
            TimeUnit.NANOSECONDS.sleep(Math.max(0, TimeUnit.SECONDS.toNanos(1) - (System.nanoTime() - start)));
        }
        backlog.awaitDrained();
        double[] millis = query("select extract(epoch from b.anchored_at - e.record_time) * 1000 from epcis_event e "
                + "join anchor_leaf l on l.event_id = e.id join anchor_round b on b.id = l.round_id where e.id > " + since
                + " order by 1");
        line("## Capture → ANCHORED latency, a block every 2 s");
        line("");
        line("%d documents of 100 events, one per second (%,d events). Latency = the round's anchoring time (the "
                + "worker saw the receipt) − the event's record time, both from the app's clock.", seconds, millis.length);
        line("");
        line("| events | p50 | p99 | max |");
        line("|---|---|---|---|");
        line("| %,d | %.2f s | %.2f s | %.2f s |", millis.length, percentile(millis, 0.5) / 1000,
                percentile(millis, 0.99) / 1000, millis[millis.length - 1] / 1000);
        line("");
        line("An event waits for its round to be cut (at most `round-interval`, 2 s), for the next block (2 s), and "
                + "for the worker's next round (1 s).");
        line("");
    }

    /** Capture at full speed while sampling the backlog every second. */
    private void pace(int seconds, int clients, int documents) throws Exception {
        List<String> round = CaptureClient.generate("P", documents, CaptureClient.EVENTS_PER_DOCUMENT);
        ExecutorService sender = Executors.newSingleThreadExecutor();
        long start = System.nanoTime();
        Backlog.During<Long> capture = backlog.during(sender.submit(() -> client.capture(round, clients)), start);
        long captureNanos = capture.result();
        sender.shutdown();
        double drainSeconds = backlog.awaitDrained();
        int events = documents * CaptureClient.EVENTS_PER_DOCUMENT;
        double rate = events / (captureNanos / 1e9);

        line("## Does anchoring keep pace with capture?");
        line("");
        line("%,d documents of 1,000 events captured by %d clients as fast as they go (as in the capture benchmark), "
                + "while the worker anchors with 2-second blocks. The backlog is every event captured but not yet in a "
                + "block, sampled each second.", documents, clients);
        line("");
        line("| capture | events | rate | backlog: max | backlog at the end of capture | trend during capture | "
                + "drained after capture stopped in |");
        line("|---|---|---|---|---|---|---|");
        double slope = capture.slope();
        line("| %.1f s | %,d | %,.0f events/s | %,d | %,d | %+,.0f events/s | %.1f s |", captureNanos / 1e9, events, rate,
                capture.max(), capture.last(), slope, drainSeconds);
        line("");
        line("Backlog samples (seconds into the run: events not yet anchored): %s", capture.everyFiveSeconds());
        line("");
        boolean keepsPace = capture.keptPace(rate);
        line("**%s**: the backlog's trend (least-squares slope over the capture) is %+,.0f events/s against a capture "
                + "rate of %,.0f events/s.", keepsPace ? "Anchoring keeps pace" : "Anchoring falls behind", slope, rate);
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    private long maxEventId() throws SQLException {
        return count("select coalesce(max(id), 0) from epcis_event");
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private double[] query(String sql) throws SQLException {
        List<Double> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getDouble(1));
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private void line(String format, Object... args) {
        report.add(String.format(Locale.ROOT, format, args));
    }
}
