package city.trace.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import city.trace.gs1.DigitalLink;
import city.trace.support.WebSession;

/**
 * Regulators' questions on a generated city of bakeries (RandomLotCity's {@code bakeries} shape), as rita, the
 * realm's regulator (an access token on the API, a browser session signed in through Keycloak's login page
 * elsewhere): traces from random lots ({@code GET /api/trace/…}) at 1 and 20 clients beside a plain indexed EPCIS query, then the FSMA 204 CSV of a
 * salt lot's forward trace (the app's memory sampled while it streams), then a recall of that salt lot: until its
 * events are recorded and the public page of the last lot it reaches says so. Run by scripts/benchmark-trace.sh.
 *
 * <p>Arguments: appUrl jdbcUrl keycloakUrl resultFile lotPathsFile appPid secondsEach.
 */
public final class TraceBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The traces of at most this many nodes are those the goal (p99 ≤ 50 ms) is about. */
    private static final int GOAL_NODES = 1000;
    private static final double GOAL_P99_MS = 50;

    /** A lot of the city: its public page's path (/01/{gtin}/10/{lot}) and what it is (flour, bread…). */
    private record Lot(String path, String kind) {

        String link() {
            return DigitalLink.CANONICAL_DOMAIN + path;
        }
    }

    /** One request's answer: how long it took and, for a trace, how many nodes and events it had. */
    private record Sample(long nanos, int nodes, int events) {
    }

    private final URI app;
    private final String jdbcUrl;
    private final String keycloak;
    private final long appPid;
    private final int secondsEach;
    private final List<Lot> lots;
    private final List<String> report = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    /** The regulator's browser session: the last one {@link #cookie()} signed in. */
    private WebSession rita;

    private TraceBenchmark(String[] args) throws IOException {
        app = URI.create(args[0]);
        jdbcUrl = args[1];
        keycloak = args[2];
        lots = Files.readAllLines(Path.of(args[4])).stream().map(line -> line.split("\t"))
                .map(parts -> new Lot(parts[0], parts[1])).toList();
        appPid = Long.parseLong(args[5]);
        secondsEach = Integer.parseInt(args[6]);
    }

    /** Writes what was measured even when a part fails, then fails (the script reports it). */
    public static void main(String[] args) throws Exception {
        TraceBenchmark benchmark = new TraceBenchmark(args);
        try {
            benchmark.run();
        } finally {
            Files.write(Path.of(args[3]), benchmark.report);
        }
        if (!benchmark.failures.isEmpty()) {
            System.err.println(String.join("\n", benchmark.failures));
            System.exit(1);
        }
    }

    private void run() throws Exception {
        List<Lot> salt = of("salt");
        Lot recalled = salt.getFirst();
        List<Lot> fanOut = lots.stream().filter(lot -> !lot.kind().equals("salt")).toList();
        List<Lot> flour = of("flour");

        line("## Traces and a plain EPCIS query");
        line("");
        line("Each client sends its next request when the answer to the last one is read, for %d s a run after a "
                + "warm-up; a lot is drawn at random each time. Salt lots (%d of %,d lots) are left out of the random "
                + "forward traces: each reaches %,d lots, far beyond the goal's 1,000 nodes, and is measured alone "
                + "below.", secondsEach, salt.size(), lots.size(), RandomLotCity.FLOUR_PER_SALT * RandomLotCity.BREAD_PER_FLOUR);
        line("");
        Map<String, Supplier<String>> requests = new java.util.LinkedHashMap<>();
        requests.put("trace backward, random lot", () -> trace(pick(lots), "backward"));
        requests.put("trace forward, random lot (not salt)", () -> trace(pick(fanOut), "forward"));
        requests.put("trace forward, random flour lot (fan-out to ~200 bread lots)", () -> trace(pick(flour), "forward"));
        requests.put("`GET /epcis/events?MATCH_anyEPCClass=` random lot (page of 30)",
                () -> "/epcis/events?MATCH_anyEPCClass=" + URLEncoder.encode(pick(lots).link(), StandardCharsets.UTF_8));
        load(requests.get("trace backward, random lot"), 2, Math.max(2, secondsEach / 2)); // warm-up: JIT, pools
        line("| request | clients | requests | requests/s | p50 ms | p99 ms | nodes: median, p99, max | events: median, max "
                + "| p99 ms of traces ≤ %,d nodes |", GOAL_NODES);
        line("|---|---:|---:|---:|---:|---:|---|---|---:|");
        List<Sample> all = new ArrayList<>();
        List<String> verdicts = new ArrayList<>();
        for (int clients : new int[] { 1, 20 }) {
            List<Sample> traces = new ArrayList<>();
            for (var request : requests.entrySet()) {
                List<Sample> samples = load(request.getValue(), clients, secondsEach);
                boolean trace = request.getKey().startsWith("trace");
                if (trace) {
                    traces.addAll(samples);
                }
                long[] small = nanos(samples.stream().filter(s -> s.nodes() <= GOAL_NODES).toList());
                line("| %s | %d | %,d | %.0f | %.1f | %.1f | %s | %s | %s |", request.getKey(), clients, samples.size(),
                        samples.size() / (double) secondsEach, ms(percentile(nanos(samples), 0.5)),
                        ms(percentile(nanos(samples), 0.99)),
                        trace ? "%d, %d, %d".formatted(nodes(samples, 0.5), nodes(samples, 0.99), nodes(samples, 1)) : "",
                        trace ? "%d, %d".formatted(events(samples, 0.5), events(samples, 1)) : "",
                        trace && small.length > 0 ? "**%.1f**".formatted(ms(percentile(small, 0.99))) : "");
            }
            double p99 = ms(percentile(nanos(traces.stream().filter(s -> s.nodes() <= GOAL_NODES).toList()), 0.99));
            verdicts.add("%s at %d client%s (p99 %.1f ms)".formatted(p99 <= GOAL_P99_MS ? "**met**" : "**not met**", clients,
                    clients == 1 ? "" : "s", p99));
            all.addAll(traces);
        }
        line("");
        line("Goal (issue 11): p99 ≤ %.0f ms for traces of up to %,d nodes: %s.", GOAL_P99_MS, GOAL_NODES,
                String.join("; ", verdicts));
        line("");
        line("All traces above by size (both client counts):");
        line("");
        line("| nodes | traces | p50 ms | p99 ms | max ms |");
        line("|---|---:|---:|---:|---:|");
        int[] bounds = { 1, 10, 100, GOAL_NODES, Integer.MAX_VALUE };
        for (int b = 1; b < bounds.length; b++) {
            int low = bounds[b - 1];
            int high = bounds[b];
            long[] in = nanos(all.stream().filter(s -> s.nodes() >= low && s.nodes() < high).toList());
            if (in.length > 0) {
                line("| %,d – %s | %,d | %.1f | %.1f | %.1f |", low, high == Integer.MAX_VALUE ? "" : "%,d".formatted(high - 1),
                        in.length, ms(percentile(in, 0.5)), ms(percentile(in, 0.99)), ms(in[in.length - 1]));
            }
        }
        line("");
        List<Sample> big = load(() -> trace(recalled, "forward"), 1, 0);
        line("The salt lot %s traced forward alone: %,d nodes, %,d events in **%.0f ms**.", recalled.path(),
                big.getFirst().nodes(), big.getFirst().events(), ms(big.getFirst().nanos()));
        line("");
        attempt("FSMA 204 spreadsheet", () -> export(recalled));
        attempt("recall", () -> recall(recalled));
    }

    private interface Part {
        void run() throws Exception;
    }

    /** A part of the benchmark; when it fails, the report says so and the others still run. */
    private void attempt(String name, Part part) {
        try {
            part.run();
        } catch (Exception | Error e) {
            String failure = "The %s failed: %s".formatted(name, e);
            failures.add(failure);
            line("## %s", name);
            line("");
            line("**%s**", failure);
            line("");
        }
    }

    private String trace(Lot lot, String direction) {
        return "/api/trace" + lot.path() + "?direction=" + direction;
    }

    // --- load

    /**
     * Requests from {@code clients} threads for {@code seconds} (one request a thread when 0), each thread its
     * next when the last answer is read; every answer must be 200.
     */
    private List<Sample> load(Supplier<String> paths, int clients, int seconds) throws Exception {
        HttpClient http = client();
        String bearer = "Bearer " + token();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Sample>>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                List<Sample> samples = new ArrayList<>();
                do {
                    String path = paths.get();
                    long start = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(app.resolve(path))
                            .header("Accept", "application/json").header("Authorization", bearer).timeout(Duration.ofMinutes(5)).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    long nanos = System.nanoTime() - start;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
                                + new String(response.body(), StandardCharsets.UTF_8));
                    }
                    if (path.startsWith("/api/trace")) {
                        JsonNode trace = JSON.readTree(response.body());
                        samples.add(new Sample(nanos, trace.get("nodes").size(), trace.get("events").size()));
                    } else {
                        samples.add(new Sample(nanos, 0, 0));
                    }
                } while (System.nanoTime() < deadline);
                return samples;
            }));
        }
        List<Sample> samples = new ArrayList<>();
        try {
            for (Future<List<Sample>> worker : workers) {
                samples.addAll(worker.get());
            }
        } finally {
            pool.shutdownNow();
        }
        return samples;
    }

    /**
     * An access token of rita for the API (tokens live 5 minutes: one for each run). The web client grants tokens
     * only through the login page; for this benchmark's Keycloak (its realm is imported anew at every start) the
     * realm's admin lets it grant them for a user's password, as a load tool needs.
     */
    private String token() throws IOException, InterruptedException {
        HttpClient http = client();
        String admin = JSON.readTree(post(http, "/realms/master/protocol/openid-connect/token",
                "grant_type=password&client_id=admin-cli&username=admin&password=admin")).get("access_token").asText();
        URI clients = URI.create(keycloak + "/admin/realms/citytrace/clients");
        JsonNode web = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(clients + "?clientId=citytrace-web"))
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString()).body()).get(0);
        if (!web.get("directAccessGrantsEnabled").asBoolean()) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) web).put("directAccessGrantsEnabled", true);
            http.send(HttpRequest.newBuilder(URI.create(clients + "/" + web.get("id").asText()))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(web.toString())).build(), HttpResponse.BodyHandlers.ofString());
        }
        return JSON.readTree(post(http, "/realms/citytrace/protocol/openid-connect/token", "grant_type=password"
                + "&client_id=citytrace-web&client_secret=citytrace-web-dev-secret&username=rita&password=rita"))
                .get("access_token").asText();
    }

    private String post(HttpClient http, String path, String form) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** rita's browser session, newly signed in through the login page, as the Cookie header of the app's cookies. */
    private String cookie() {
        rita = WebSession.loggedIn(new WebSession(app, keycloak), "rita");
        return rita.cookies().entrySet().stream().filter(c -> c.getKey().startsWith("q_session"))
                .map(c -> c.getKey() + "=" + c.getValue()).collect(java.util.stream.Collectors.joining("; "));
    }

    // --- the FSMA 204 spreadsheet of a salt lot's forward trace

    private void export(Lot lot) throws Exception {
        String path = "/trace/export/fsma.csv?from=" + URLEncoder.encode(lot.link(), StandardCharsets.UTF_8)
                + "&direction=forward";
        long before = pssMib();
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(pssMib(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        long firstByte;
        long bytes = 0;
        long lines = 0;
        HttpResponse<InputStream> response = client().send(HttpRequest.newBuilder(app.resolve(path))
                .header("Cookie", cookie()).timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
        firstByte = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[65536];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    lines += buffer[i] == '\n' ? 1 : 0;
                }
            }
        }
        long nanos = System.nanoTime() - start;
        sampler.interrupt();
        line("## FSMA 204 spreadsheet of a salt lot's forward trace");
        line("");
        line("`GET /trace/export/fsma.csv?from=%s&direction=forward` as rita: %,d rows (CTEs) and %,.1f MB in **%.1f s** "
                + "(the headers after %.1f s: the trace's outline is walked first). The app's resident memory (PSS): "
                + "%,d MiB before, **%,d MiB** at most while it streamed (sampled every 100 ms).", lot.link(), lines - 1,
                bytes / 1e6, nanos / 1e9, firstByte / 1e9, before, peak.get());
        line("");
    }

    /** The proportional set size of the app's JVM, as scripts/lib.sh's rss_mib counts it. */
    private long pssMib() {
        try {
            return Files.readAllLines(Path.of("/proc/" + appPid + "/smaps_rollup")).stream()
                    .filter(l -> l.startsWith("Pss:")).mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).sum() / 1024;
        } catch (IOException e) {
            return 0;
        }
    }

    // --- a recall of the salt lot

    private void recall(Lot lot) throws Exception {
        Lot last = lastBreadOf(lot);
        cookie();
        long start = System.nanoTime();
        var form = rita.form("/recalls/new");
        long formNanos = System.nanoTime() - start;
        start = System.nanoTime();
        HttpResponse<String> page = rita.post("/recalls", Map.of("csrf-token", form.token(), "lot", lot.link(),
                "reason", "Benchmark: salt lot contaminated", "severity", "CLASS_II"));
        long declared = System.nanoTime() - start;
        if (page.statusCode() != 200 || !page.uri().getPath().matches("/recalls/\\d+")) {
            throw new IllegalStateException("the recall was not declared: " + page.statusCode() + " at " + page.uri());
        }
        HttpClient anonymous = client();
        int polls = 0;
        while (true) {
            polls++;
            HttpResponse<String> lotPage = anonymous.send(HttpRequest.newBuilder(app.resolve(last.path()))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            if (lotPage.body().contains("has been recalled")) {
                break;
            }
            if (System.nanoTime() - start > Duration.ofMinutes(5).toNanos()) {
                throw new IllegalStateException(last.path() + " does not show the recall after 5 minutes");
            }
        }
        long shown = System.nanoTime() - start;
        long recallId = Long.parseLong(page.uri().getPath().substring("/recalls/".length()));
        long affected = count("select count(*) from recall_lot where recall_id = " + recallId);
        long recorded = count("select count(*) from recall_lot where recall_id = " + recallId + " and event_id is not null");
        long events = count("select count(distinct event_id) from recall_lot where recall_id = " + recallId);
        long recalledBatches = count("select count(*) from batch where status = 'RECALLED'");
        line("## A recall of the salt lot");
        line("");
        line("rita declares a recall of %s on the recall form (`POST /recalls`, after %.0f ms for the form). The "
                + "answer (the recall's page, after the app computed the %,d affected lots, recorded %,d recall events "
                + "for %,d of them and marked %,d batches recalled) came after **%.2f s**; the public page of the last "
                + "bread lot the salt went into (%s) said \"has been recalled\" %.2f s after the form was sent (%d "
                + "request%s).", lot.path(), formNanos / 1e6, affected, events, recorded, recalledBatches, declared / 1e9,
                last.path(), shown / 1e9, polls, polls == 1 ? "" : "s");
        line("");
    }

    /** The bread lot made last with the salt lot (the city is generated in the order things happen). */
    private Lot lastBreadOf(Lot salt) {
        int index = lots.indexOf(salt);
        Lot last = null;
        for (int i = index + 1; i < lots.size() && !lots.get(i).kind().equals("salt"); i++) {
            if (lots.get(i).kind().equals("bread")) {
                last = lots.get(i);
            }
        }
        return last;
    }

    private long count(String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl); ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // --- figures

    private List<Lot> of(String kind) {
        return lots.stream().filter(lot -> lot.kind().equals(kind)).toList();
    }

    private static Lot pick(List<Lot> lots) {
        return lots.get(ThreadLocalRandom.current().nextInt(lots.size()));
    }

    private static long[] nanos(List<Sample> samples) {
        long[] nanos = samples.stream().mapToLong(Sample::nanos).toArray();
        Arrays.sort(nanos);
        return nanos;
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static int nodes(List<Sample> samples, double p) {
        return (int) percentile(samples.stream().mapToLong(Sample::nodes).sorted().toArray(), p);
    }

    private static int events(List<Sample> samples, double p) {
        return (int) percentile(samples.stream().mapToLong(Sample::events).sorted().toArray(), p);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private void line(String format, Object... args) {
        report.add(String.format(Locale.ROOT, format, args));
    }

    /**
     * An HTTP/1.1 client, as load tools and browsers on plain http use: the JDK's default tries an h2c upgrade, and
     * a large answer to the upgraded request came back as a frame longer than HTTP/2 allows.
     */
    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }
}
