package city.trace.bench;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

import city.trace.signedreadings.ReadingBatch;
import city.trace.signedreadings.ReadingSigner;

/**
 * Signed readings ingested per second, signatures checked, against the packaged app: devices of the demo bakery,
 * each in its own vehicle carrying one of the bakery's lots, send pre-signed batches of readings (ES256 JWS) from
 * several client threads; in the same run the capture API takes as many documents of as many unsigned
 * ObjectEvents, for comparison; the anchoring backlog is sampled each second during both. Run by
 * scripts/benchmark-devices.sh.
 *
 * <p>Arguments: appUrl jdbcUrl keycloakUrl resultFile [devices (100)] [batches per device (60)] [readings per batch
 * (60)] [clients (4)]. With {@code -Dbench.signedOnly=true} only the signed ingest runs, profiled (see
 * {@link #signedOnly}), and the result file gets one line.
 */
public final class DeviceBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A device registered for the run, the lot its vehicle carries, and its pre-signed batches. */
    private record Bench(long id, String identifier, String vehicle, Lot lot, List<String> batches) {
    }

    /** One of the bakery's lots; {@code coldChain}: its product has a cold-chain requirement. */
    private record Lot(long batchId, String lot, String product, boolean coldChain) {
    }

    private final String app;
    private final String jdbcUrl;
    private final CaptureClient client;
    private final Backlog backlog;
    private final long bakery;
    /** Names this run's vehicles and devices apart from earlier runs' on the same database. */
    private final String run = Long.toString(System.currentTimeMillis() / 1000 % 100_000_000L, 36).toUpperCase(Locale.ROOT);
    private final Random random = new Random(13);
    private final List<String> report = new ArrayList<>();

    private DeviceBenchmark(String app, String jdbcUrl, String keycloak) throws SQLException {
        this.app = app;
        this.jdbcUrl = jdbcUrl;
        this.client = new CaptureClient(app, keycloak);
        this.backlog = new Backlog(jdbcUrl);
        this.bakery = EpcisBenchmark.organizationId(jdbcUrl, EpcisBenchmark.MACHINE_CLIENT_ORGANIZATION);
    }

    public static void main(String[] args) throws Exception {
        DeviceBenchmark bench = new DeviceBenchmark(args[0], args[1], args[2]);
        int devices = args.length > 4 ? Integer.parseInt(args[4]) : 100;
        int batches = args.length > 5 ? Integer.parseInt(args[5]) : 60;
        int readings = args.length > 6 ? Integer.parseInt(args[6]) : 60;
        int clients = args.length > 7 ? Integer.parseInt(args[7]) : 4;
        if (Boolean.getBoolean("bench.signedOnly")) {
            bench.signedOnly(devices, batches, readings, clients);
        } else {
            bench.run(devices, batches, readings, clients);
        }
        Files.writeString(Path.of(args[3]), String.join("\n", bench.report) + "\n");
        System.out.println(String.join("\n", bench.report));
    }

    private void run(int devices, int batches, int readings, int clients) throws Exception {
        List<Lot> lots = lots();
        long started = System.nanoTime();
        List<Bench> measured = setUp("", devices, batches, readings, lots);
        // warm-up (JIT, connection pools), not measured: other devices, and capture documents of other events
        int warmBatches = Math.max(1, batches / 2);
        List<Bench> warm = setUp("W", clients, warmBatches, readings, lots);
        double setUpSeconds = (System.nanoTime() - started) / 1e9;
        client.send(lanes(warm), clients, 201);
        client.capture(CaptureClient.generate("W" + run, clients * warmBatches, readings), clients);
        backlog.awaitDrained();

        // (a) the signed batches, then (b) as many capture documents of as many unsigned events
        Backlog.During<CaptureClient.Load> signed = measure(lanes(measured), clients, 201);
        double signedDrain = backlog.awaitDrained();
        long storedBatches = count("select count(*) from device_reading_batch b join device d on d.id = b.device_id "
                + "where d.vehicle like 'BENCH-" + run + "-%' and d.vehicle not like 'BENCH-" + run + "-W%'");
        long storedReadings = count("select count(*) from device_reading r join device_reading_batch b on b.id = r.batch_id "
                + "join device d on d.id = b.device_id where d.vehicle like 'BENCH-" + run + "-%' "
                + "and d.vehicle not like 'BENCH-" + run + "-W%'");
        List<String> documents = CaptureClient.generate("D" + run, devices * batches, readings);
        Backlog.During<CaptureClient.Load> captured = measure(documents.stream()
                .map(document -> List.<CaptureClient.Request>of(() -> client.captureRequest(document))).toList(), clients, 202);
        double capturedDrain = backlog.awaitDrained();
        tearDown();

        CaptureClient.Load a = signed.result();
        CaptureClient.Load b = captured.result();
        double batchRate = a.answered(201) / (a.nanos() / 1e9);
        double readingRate = batchRate * readings;
        double documentRate = b.answered(202) / (b.nanos() / 1e9);
        double eventRate = documentRate * readings;

        setUpLines(devices, batches, readings, clients, lots, warmBatches, setUpSeconds, storedBatches, storedReadings);
        line("## Signed readings beside unsigned capture");
        line("");
        line("| load (%d client threads) | requests | answers | wall time | rate | per request p50 / p99 |", clients);
        line("|---|---:|---|---:|---|---:|");
        line("| signed batches, `POST /api/devices/{id}/readings` (JWS verified, counter, clock, lots on board, event "
                + "recorded, readings stored, cold chain evaluated) | %,d batches of %d readings | %s | %.1f s | **%,.0f "
                + "readings/s** (%,.1f batches/s) | %.1f / %.1f ms |", a.requests(), readings, answers(a), a.nanos() / 1e9,
                readingRate, batchRate, a.latencyMillis(0.5), a.latencyMillis(0.99));
        line("| unsigned capture, `POST /epcis/capture` | %,d documents of %d ObjectEvents | %s | %.1f s | %,.0f events/s "
                + "(%,.1f documents/s) | %.1f / %.1f ms |", b.requests(), readings, answers(b), b.nanos() / 1e9, eventRate,
                documentRate, b.latencyMillis(0.5), b.latencyMillis(0.99));
        line("| **signed ÷ unsigned** | | | | **%.2f** (readings/s ÷ events/s; batches/s ÷ documents/s the same, %.2f) | |",
                readingRate / eventRate, batchRate / documentRate);
        line("");
        line("The signed batches' latency by the lot they concern: %s.", byLot(measured, a));
        line("");
        if (a.firstUnexpected() != null || b.firstUnexpected() != null) {
            line("First unexpected answer: signed %s; capture %s.", a.firstUnexpected(), b.firstUnexpected());
            line("");
        }
        line("A batch of readings is recorded as one EPCIS event (sensor reporting, its %d readings as sensor reports) "
                + "about the lots on board, so a batch stands beside a capture document of %d events: the signed path "
                + "writes one event where capture writes %d, and its readings besides.", readings, readings, readings);
        line("");

        line("## Does anchoring keep pace?");
        line("");
        line("The backlog is every event recorded but not yet in a block (the outbox, and rounds not yet anchored), "
                + "sampled each second during each load; its trend is the least-squares slope over the load; drained = "
                + "from the load's end until the backlog was empty. Blocks every 2 s, rounds cut every 2 s.");
        line("");
        line("| load | events recorded | rate | backlog: max | at the load's end | trend | drained in | keeps pace |");
        line("|---|---:|---:|---:|---:|---:|---:|---|");
        paceLine("signed batches (one event each)", a.answered(201), batchRate, signed, signedDrain);
        paceLine("unsigned capture", (long) b.answered(202) * readings, eventRate, captured, capturedDrain);
        line("");
        line("Backlog samples during the signed ingest (seconds into it: events not yet anchored): %s",
                signed.everyFiveSeconds());
        line("");
        line("During the capture: %s", captured.everyFiveSeconds());
        line("");

        line("## Verdict");
        line("");
        boolean goal = readingRate >= 10_000 && a.answered(201) == a.requests();
        line("Goal (issue 13): ≥ 10,000 signed readings/s on this 2-core machine, anchoring keeping pace. **%s**: %,.0f "
                + "readings/s (%,.1f batches/s of %d, every signature checked)%s, %.2f× the rate at which capture takes "
                + "unsigned events in the same run; anchoring %s (trend %+,.1f events/s, drained %.1f s after the "
                + "ingest).", goal ? "Met" : "Not met", readingRate, batchRate, readings,
                a.answered(201) == a.requests() ? ", all answered 201" : ", not all answered 201 (see above)",
                readingRate / eventRate, signed.keptPace(batchRate) ? "kept pace" : "fell behind", signed.slope(),
                signedDrain);
    }

    /**
     * A signed ingest alone, after a warm-up, for a profile: the statement statistics of PostgreSQL (pg_stat_statements,
     * preloaded) are reset and a JFR recording of the app (JVM {@code bench.profilePid}) is made to file
     * {@code bench.profileFile} while it runs; one line for the results.
     */
    private void signedOnly(int devices, int batches, int readings, int clients) throws Exception {
        List<Lot> lots = lots();
        List<Bench> measured = setUp("P", devices, batches, readings, lots);
        client.send(lanes(setUp("W", clients, Math.max(1, batches / 2), readings, lots)), clients, 201);
        backlog.awaitDrained();
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            c.createStatement().execute("create extension if not exists pg_stat_statements");
            c.createStatement().execute("select pg_stat_statements_reset()");
        }
        String pid = System.getProperty("bench.profilePid");
        jcmd(pid, "JFR.start", "name=devices", "settings=profile");
        long cpuBefore = cpuMillis(pid);
        Backlog.During<CaptureClient.Load> signed = measure(lanes(measured), clients, 201);
        long appCpu = cpuMillis(pid) - cpuBefore;
        jcmd(pid, "JFR.stop", "name=devices", "filename=" + System.getProperty("bench.profileFile"));
        backlog.awaitDrained();
        tearDown();
        CaptureClient.Load load = signed.result();
        double batchRate = load.answered(201) / (load.nanos() / 1e9);
        line("The profiled pass, on the app restarted with pg_stat_statements (after a warm-up): %d new devices × %d "
                + "batches of %d readings from %d clients, %s: %,.0f readings/s (%,.1f batches/s), p50 / p99 %.1f / %.1f "
                + "ms, with the JFR recording on. The app's CPU time over it: %.1f ms a batch (its anchoring worker, "
                + "sweep and the recording included), a figure other work on the machine does not change the way it "
                + "changes rates.", devices, batches, readings, clients, answers(load), batchRate * readings, batchRate,
                load.latencyMillis(0.5), load.latencyMillis(0.99), (double) appCpu / load.answered(201));
    }

    /** The CPU time (user and system) a process has used so far, from /proc (Linux counts it in ticks of 10 ms). */
    private static long cpuMillis(String pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        // the fields after the command's closing parenthesis: utime and stime are the 12th and 13th of them
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    private static void jcmd(String pid, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), pid));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
        }
    }

    /** Runs a load while sampling the backlog. */
    private Backlog.During<CaptureClient.Load> measure(List<List<CaptureClient.Request>> lanes, int clients, int expected)
            throws Exception {
        ExecutorService sender = Executors.newSingleThreadExecutor();
        try {
            long start = System.nanoTime();
            return backlog.during(sender.submit(() -> client.send(lanes, clients, expected)), start);
        } finally {
            sender.shutdown();
        }
    }

    /** Each device's batches, in counter order. */
    private List<List<CaptureClient.Request>> lanes(List<Bench> devices) {
        return devices.stream().map(device -> device.batches().stream().<CaptureClient.Request>map(jws -> () ->
                HttpRequest.newBuilder(URI.create(app + "/api/devices/" + device.id() + "/readings"))
                        .header("Content-Type", "application/jose").timeout(Duration.ofMinutes(2))
                        .POST(HttpRequest.BodyPublishers.ofString(jws)).build()).toList()).toList();
    }

    // --- setup

    /** The bakery's lots, in the order they were made. */
    private List<Lot> lots() throws SQLException {
        List<Lot> lots = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl); PreparedStatement query = c.prepareStatement("""
                select b.id, b.lot, p.name, exists (select 1 from cold_chain_rule r where r.product_id = p.id
                    or (r.product_id is null and r.organization_id = p.organization_id and r.category = p.category))
                from batch b join product p on p.id = b.product_id where p.organization_id = ? order by b.id""")) {
            query.setLong(1, bakery);
            ResultSet rs = query.executeQuery();
            while (rs.next()) {
                lots.add(new Lot(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
            }
        }
        if (lots.isEmpty()) {
            throw new IllegalStateException("the bakery has no lots (is the demo data seeded?)");
        }
        return lots;
    }

    /**
     * Registers {@code devices} ES256 devices of the bakery through the API, each in its own vehicle (BENCH-run-label
     * n) that carries one of the lots (in turn), departed two hours ago; signs each device's batches: one reading a
     * second, counters 1…batches, the last reading a second ago.
     */
    private List<Bench> setUp(String label, int devices, int batches, int readings, List<Lot> lots) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant first = now.minusSeconds((long) batches * readings);
        Instant departed = first.minus(Duration.ofMinutes(10)).isBefore(now.minus(Duration.ofHours(2)))
                ? first.minus(Duration.ofMinutes(10)) : now.minus(Duration.ofHours(2));
        List<Bench> result = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            long[] sites = sites(c);
            for (int n = 1; n <= devices; n++) {
                String vehicle = "BENCH-" + run + "-" + label + n;
                KeyPair keys = ReadingSigner.generate("ES256");
                String identifier = "https://id.gs1.org/8004/8712347B" + run + label + n;
                long id = register(identifier, vehicle, ReadingSigner.publicKeyPem(keys.getPublic()));
                Lot lot = lots.get((n - 1) % lots.size());
                onBoard(c, vehicle, lot, sites, departed);
                List<String> signed = new ArrayList<>(batches);
                for (int k = 1; k <= batches; k++) {
                    signed.add(sign(identifier, keys.getPrivate(), k, first.plusSeconds((long) (k - 1) * readings), readings));
                }
                result.add(new Bench(id, identifier, vehicle, lot, signed));
            }
        }
        return result;
    }

    private long register(String identifier, String vehicle, String publicKey) throws Exception {
        Map<String, String> device = Map.of("identifier", identifier, "kind", "thermometer", "model", "Bench TL-20",
                "vehicle", vehicle, "publicKey", publicKey);
        HttpResponse<String> response = client.http().send(HttpRequest.newBuilder(URI.create(app + "/api/devices"))
                .header("Authorization", "Bearer " + client.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(device))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("registering " + identifier + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body()).get("id").asLong();
    }

    /** The bakery's plant (its first site) and another organisation's site (a shop's, if there is one). */
    private long[] sites(Connection c) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("""
                select (select id from site where organization_id = ?1 order by id limit 1),
                       (select s.id from site s join organization o on o.id = s.organization_id where o.id <> ?1
                        order by o.kind = 'RETAILER' desc, s.id limit 1)""".replace("?1", "?"))) {
            query.setLong(1, bakery);
            query.setLong(2, bakery);
            ResultSet rs = query.executeQuery();
            rs.next();
            return new long[] { rs.getLong(1), rs.getLong(2) };
        }
    }

    /**
     * A shipment of the bakery's, carried by the bakery in the vehicle, departed and not arrived, with the lot on
     * board: inserted with SQL, as the bakery is no carrier (only a carrier names the vehicle when it departs).
     */
    private void onBoard(Connection c, String vehicle, Lot lot, long[] sites, Instant departed) throws SQLException {
        long shipment;
        try (PreparedStatement insert = c.prepareStatement("insert into shipment (shipper_id, carrier_id, origin_site_id, "
                + "destination_site_id, status, departed_at, vehicle) values (?, ?, ?, ?, 'DEPARTED', ?, ?) returning id")) {
            insert.setLong(1, bakery);
            insert.setLong(2, bakery);
            insert.setLong(3, sites[0]);
            insert.setLong(4, sites[1]);
            insert.setTimestamp(5, Timestamp.from(departed));
            insert.setString(6, vehicle);
            ResultSet rs = insert.executeQuery();
            rs.next();
            shipment = rs.getLong(1);
        }
        try (PreparedStatement insert = c.prepareStatement(
                "insert into shipment_item (shipment_id, batch_id, quantity) values (?, ?, 1)")) {
            insert.setLong(1, shipment);
            insert.setLong(2, lot.batchId());
            insert.executeUpdate();
        }
    }

    /** The run's vehicles arrive now: they carry nothing afterwards. */
    private void tearDown() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            c.createStatement().executeUpdate("update shipment set status = 'ARRIVED', arrived_at = now() where vehicle "
                    + "like 'BENCH-" + run + "-%' and status = 'DEPARTED'");
        }
    }

    /** A batch of temperatures around 4 °C, one a second from {@code from}. */
    private String sign(String identifier, PrivateKey key, long counter, Instant from, int readings) {
        List<ReadingBatch.Reading> values = new ArrayList<>(readings);
        for (int j = 0; j < readings; j++) {
            values.add(new ReadingBatch.Reading(from.plusSeconds(j), "Temperature",
                    BigDecimal.valueOf(35 + random.nextInt(11), 1), "CEL"));
        }
        return ReadingSigner.sign(new ReadingBatch(identifier, counter, values), key, null);
    }

    // --- results

    private void setUpLines(int devices, int batches, int readings, int clients, List<Lot> lots, int warmBatches,
            double setUpSeconds, long storedBatches, long storedReadings) {
        line("## Setup");
        line("");
        line("- %d devices of the demo bakery (`%s`, the realm's machine client's organisation) registered through "
                + "`POST /api/devices` as that client, each with a new ES256 (P-256) key and in its own vehicle "
                + "`BENCH-%s-<n>`.", devices, EpcisBenchmark.MACHINE_CLIENT_ORGANIZATION, run);
        Map<Lot, Long> perLot = new LinkedHashMap<>();
        for (int n = 0; n < devices; n++) {
            perLot.merge(lots.get(n % lots.size()), 1L, Long::sum);
        }
        line("- Each vehicle carries one of the bakery's demo lots, in turn: %s. The shipments (shipper and carrier the "
                + "bakery, from its plant to another member's site, DEPARTED two hours before, with the vehicle and one "
                + "unit of the lot) are **inserted with SQL, because the bakery is not a carrier**: only a carrier names "
                + "the vehicle when a shipment departs. A lot under a cold-chain requirement has its readings since the last "
                + "one inside its band evaluated again with each batch that concerns it; 25 vehicles share each lot.", perLot.entrySet().stream()
                        .map(e -> String.format(Locale.ROOT, "%s (%s%s) on %d", e.getKey().lot(), e.getKey().product(),
                                e.getKey().coldChain() ? ", cold-chain requirement" : "", e.getValue()))
                        .collect(Collectors.joining(", ")));
        line("- Every device's %d batches of %d temperature readings (one a second, within the last %d minutes, "
                + "counters 1…%d) were signed before the clock started: client-side signing is not measured. Setup "
                + "(registration, shipments, signing, warm-up devices included) took %.0f s.", batches, readings,
                (batches * readings + 59) / 60, batches, setUpSeconds);
        line("- %d client threads; each takes the next device not yet taken and sends its batches one at a time, in "
                + "counter order (`Content-Type: application/jose`, no token). The capture load: as many documents of %d "
                + "generated ObjectEvents (`CaptureClient.generate`, as in the EPCIS benchmark) from the same threads, "
                + "as the machine client.", clients, readings);
        line("- Warm-up, not measured: %d other devices × %d batches, and %d capture documents.", clients, warmBatches,
                clients * warmBatches);
        line("- Stored afterwards for the measured devices: %,d batches, %,d readings (expected %,d and %,d).",
                storedBatches, storedReadings, (long) devices * batches, (long) devices * batches * readings);
        line("");
    }

    /** p50, p99 and mean latency of the batches about a lot under a cold-chain requirement, and of the others. */
    private static String byLot(List<Bench> devices, CaptureClient.Load load) {
        List<String> parts = new ArrayList<>();
        for (boolean coldChain : new boolean[] { true, false }) {
            List<Long> nanos = new ArrayList<>();
            int index = 0;
            for (Bench device : devices) {
                for (int k = 0; k < device.batches().size(); k++, index++) {
                    if (device.lot().coldChain() == coldChain) {
                        nanos.add(load.latencyNanos()[index]);
                    }
                }
            }
            if (nanos.isEmpty()) {
                continue;
            }
            nanos.sort(null);
            parts.add(String.format(Locale.ROOT, "%s, %,d batches: p50 %.1f ms, p99 %.1f ms, mean %.1f ms",
                    coldChain ? "a lot under a cold-chain requirement" : "lots without one", nanos.size(),
                    nanos.get(nanos.size() / 2) / 1e6, nanos.get(Math.min(nanos.size() - 1, (int) (nanos.size() * 0.99))) / 1e6,
                    nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6));
        }
        return String.join("; ", parts);
    }

    private void paceLine(String label, long events, double rate, Backlog.During<?> during, double drain) {
        line("| %s | %,d | %,.0f events/s | %,d | %,d | %+,.1f events/s | %.1f s | %s |", label, events, rate, during.max(),
                during.last(), during.slope(), drain, during.keptPace(rate) ? "yes" : "**no**");
    }

    private static String answers(CaptureClient.Load load) {
        return load.statuses().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> String.format(Locale.ROOT, "%,d × %s", e.getValue(), e.getKey() < 0 ? "no answer" : e.getKey()))
                .collect(Collectors.joining(", "));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void line(String format, Object... args) {
        report.add(String.format(Locale.ROOT, format, args));
    }
}
