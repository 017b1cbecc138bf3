package city.trace.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The first visits of a city's lots (scripts/benchmark-random-lots.sh): every lot's public page asked for once, by
 * {@code clients} clients at a time, gzip as browsers ask — each page is built, verified and kept. wrk cannot do
 * this: it runs for a fixed time and would ask for the same pages again.
 *
 * <p>Arguments: {@code appUrl lotPathsFile clients}. Prints one line: pages/s, p50 and p99 in ms, and errors
 * (answers other than 200, and failed requests).
 */
public final class EveryLot {

    private EveryLot() {
    }

    public static void main(String[] args) throws Exception {
        List<String> paths = Files.readAllLines(Path.of(args[1])).stream().filter(line -> !line.isBlank()).toList();
        int clients = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        long[] nanos = new long[paths.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < paths.size(); i = next.getAndIncrement()) {
                        HttpRequest request = HttpRequest.newBuilder(URI.create(args[0] + paths.get(i)))
                                .header("Accept", "text/html").header("Accept-Encoding", "gzip, deflate, br")
                                .timeout(Duration.ofSeconds(60)).build();
                        long sent = System.nanoTime();
                        try {
                            if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        nanos[i] = System.nanoTime() - sent;
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%.0f %.1fms %.1fms %d%n", paths.size() / seconds,
                nanos[(nanos.length - 1) / 2] / 1e6, nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6, errors.get());
    }
}
