package city.trace.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A partner system for benchmarks: authenticates as the realm's machine client and captures generated
 * EPCIS documents over HTTP, from several threads; sends other loads of requests the same way, timing each.
 */
final class CaptureClient {

    static final int EVENTS_PER_DOCUMENT = 1000;
    private static final String COMPANY_PREFIX = "8712347";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String app;
    private final String keycloak;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String token;
    private long tokenExpires;

    CaptureClient(String app, String keycloak) {
        this.app = app;
        this.keycloak = keycloak;
    }

    HttpClient http() {
        return http;
    }

    /** A valid access token of the machine client (tokens live 5 minutes; the benchmark takes longer). */
    synchronized String token() throws IOException, InterruptedException {
        if (token == null || System.nanoTime() > tokenExpires) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak
                    + "/realms/citytrace/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=citytrace-machine"
                            + "&client_secret=citytrace-machine-dev-secret")).build(), HttpResponse.BodyHandlers.ofString());
            token = JSON.readTree(response.body()).get("access_token").asText();
            tokenExpires = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        }
        return token;
    }

    /** A request made when it is sent (so that it carries a token still valid then). */
    @FunctionalInterface
    interface Request {
        HttpRequest make() throws IOException, InterruptedException;
    }

    /**
     * What a load got: its wall time, each request's latency, and how many answers had which status (-1: no answer,
     * the exception's message kept as the first unexpected answer).
     */
    record Load(long nanos, long[] latencyNanos, Map<Integer, Integer> statuses, String firstUnexpected) {

        int requests() {
            return latencyNanos.length;
        }

        /** Requests answered with {@code status}. */
        int answered(int status) {
            return statuses.getOrDefault(status, 0);
        }

        /** The p-quantile (0.5, 0.99) of the requests' latencies, in milliseconds. */
        double latencyMillis(double p) {
            long[] sorted = latencyNanos.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))] / 1e6;
        }
    }

    /** Sends the documents from {@code clients} threads; returns the nanoseconds it took. */
    long capture(List<String> documents, int clients) throws Exception {
        Load load = send(documents.stream().map(document -> List.<Request>of(() -> captureRequest(document))).toList(),
                clients, 202);
        if (load.answered(202) != documents.size()) {
            throw new IllegalStateException("capture answered " + load.firstUnexpected());
        }
        return load.nanos();
    }

    /** A capture of one EPCIS document (JSON-LD), as the machine client. */
    HttpRequest captureRequest(String document) throws IOException, InterruptedException {
        return HttpRequest.newBuilder(URI.create(app + "/epcis/capture")).header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/ld+json").timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(document)).build();
    }

    /**
     * Sends lanes of requests from {@code clients} threads: each thread takes the next lane not yet taken and sends
     * its requests in order, one at a time (a device's batches, in counter order); counts the answers by status,
     * keeping the first whose status is not {@code expected}.
     */
    Load send(List<List<Request>> lanes, int clients, int expected) throws Exception {
        int[] firstIndex = new int[lanes.size() + 1];
        for (int i = 0; i < lanes.size(); i++) {
            firstIndex[i + 1] = firstIndex[i] + lanes.get(i).size();
        }
        long[] latencies = new long[firstIndex[lanes.size()]];
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicReference<String> firstUnexpected = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                for (int lane = next.getAndIncrement(); lane < lanes.size(); lane = next.getAndIncrement()) {
                    for (int r = 0; r < lanes.get(lane).size(); r++) {
                        HttpRequest request = lanes.get(lane).get(r).make();
                        long sent = System.nanoTime();
                        int status;
                        String unexpected;
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            status = response.statusCode();
                            unexpected = status + ": " + response.body();
                        } catch (IOException e) {
                            status = -1;
                            unexpected = "no answer: " + e;
                        }
                        latencies[firstIndex[lane] + r] = System.nanoTime() - sent;
                        statuses.merge(status, 1, Integer::sum);
                        if (status != expected) {
                            firstUnexpected.compareAndSet(null, unexpected);
                        }
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow(); // after a failure too: its threads would keep the JVM running
        }
        return new Load(System.nanoTime() - start, latencies, Map.copyOf(statuses), firstUnexpected.get());
    }

    /** Documents of realistic ObjectEvents: one serialised item each, shipped from a site. */
    static List<String> generate(String run, int documents, int eventsPerDocument) {
        List<String> result = new ArrayList<>(documents);
        Random random = new Random(run.hashCode());
        for (int d = 0; d < documents; d++) {
            StringBuilder doc = new StringBuilder(eventsPerDocument * 700).append("""
                    {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                     "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-11-22T10:00:00.000Z",
                     "epcisBody": {"eventList": [""");
            for (int e = 0; e < eventsPerDocument; e++) {
                if (e > 0) {
                    doc.append(',');
                }
                doc.append(event(run + d + "x" + e, random));
            }
            result.add(doc.append("]}}").toString());
        }
        return result;
    }

    private static String event(String serial, Random random) {
        int item = random.nextInt(1000);
        Instant time = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(31_536_000));
        return """
                {"eventID": "urn:uuid:%s", "type": "ObjectEvent", "action": "OBSERVE",
                 "bizStep": "shipping", "disposition": "in_transit",
                 "eventTime": "%s", "eventTimeZoneOffset": "+01:00",
                 "epcList": ["urn:epc:id:sgtin:%s.0%05d.%s"],
                 "readPoint": {"id": "urn:epc:id:sgln:%s.%05d.0"},
                 "bizTransactionList": [{"type": "po", "bizTransaction": "urn:epcglobal:cbv:bt:8712347000019:%d"}]}"""
                .formatted(new UUID(random.nextLong(), random.nextLong()), time, COMPANY_PREFIX, item, serial,
                        COMPANY_PREFIX, 1 + random.nextInt(20), random.nextInt(1_000_000));
    }
}
