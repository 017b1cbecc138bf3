package city.trace.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The anchoring backlog, for benchmarks that ask whether anchoring keeps pace with what is recorded: every event
 * recorded but not yet in a block (in the outbox, or in a round not yet anchored), sampled once a second while a
 * load runs, its trend (least-squares slope), and how long it takes to drain once the load stops.
 */
final class Backlog {

    /** Events recorded but not yet in a block: in the outbox, or in a round not yet anchored. */
    private static final String NOT_ANCHORED = """
            select (select count(*) from anchor_outbox)
                 + (select coalesce(sum(leaf_count), 0) from anchor_round where status in ('PENDING', 'SUBMITTED'))""";

    /** One sample: milliseconds since the load started, events not yet anchored. */
    record Sample(long millis, long events) {
    }

    /** The samples taken while a load ran, and the load's result. */
    record During<T>(T result, List<Sample> samples) {

        long max() {
            return samples.stream().mapToLong(Sample::events).max().orElse(0);
        }

        long last() {
            return samples.getLast().events();
        }

        /** The backlog's trend over the load, events/s: least-squares slope of the samples. */
        double slope() {
            double n = samples.size();
            double meanX = samples.stream().mapToDouble(s -> s.millis() / 1000.0).sum() / n;
            double meanY = samples.stream().mapToDouble(Sample::events).sum() / n;
            double covariance = samples.stream().mapToDouble(s -> (s.millis() / 1000.0 - meanX) * (s.events() - meanY)).sum();
            double variance = samples.stream().mapToDouble(s -> Math.pow(s.millis() / 1000.0 - meanX, 2)).sum();
            return variance == 0 ? 0 : covariance / variance;
        }

        /** Whether anchoring kept pace with a load that recorded {@code rate} events/s: the trend under 5% of it. */
        boolean keptPace(double rate) {
            return slope() < 0.05 * rate;
        }

        /** Every fifth second's sample, as "5s: 1200", for a results file. */
        List<String> everyFiveSeconds() {
            return samples.stream().filter(s -> s.millis() / 1000 % 5 == 0).map(s -> s.millis() / 1000 + "s: " + s.events())
                    .toList();
        }
    }

    private final String jdbcUrl;

    Backlog(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** Events recorded but not yet anchored, now. */
    long now() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl);
                ResultSet rs = c.createStatement().executeQuery(NOT_ANCHORED)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Samples the backlog each second until {@code load} (started at {@code startNanos}) is done; one sample at least. */
    <T> During<T> during(Future<T> load, long startNanos) throws Exception {
        List<Sample> samples = new ArrayList<>();
        do {
            samples.add(new Sample((System.nanoTime() - startNanos) / 1_000_000, now()));
            TimeUnit.SECONDS.sleep(1);
        } while (!load.isDone());
        return new During<>(load.get(), samples);
    }

    /** Waits until every recorded event is anchored (at most 10 minutes); returns the seconds it took. */
    double awaitDrained() throws Exception {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MINUTES.toNanos(10);
        while (now() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the backlog did not drain in 10 minutes");
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
