package city.trace.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Locale;

/**
 * One full pass of the integrity sweep (city.trace.monitor.Sweep) for scripts/benchmark-sweep.sh, read from its
 * progress row ({@code verification_sweep}) as the app writes it.
 *
 * <p>Arguments: {@code restart jdbcUrl} starts a new pass from the first event now (once every event is
 * anchored: a pass skips events not anchored yet); {@code await jdbcUrl [seconds (3600)]} waits until that pass
 * has finished and prints {@code Pass: <events> events in <seconds> s, <findings> findings}.
 */
public final class SweepPass {

    private SweepPass() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection db = DriverManager.getConnection(args[1])) {
            switch (args[0]) {
                case "restart" -> restart(db);
                case "await" -> await(db, Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 3600));
                default -> throw new IllegalArgumentException("unknown command " + args[0]
                        + " (restart jdbcUrl, or await jdbcUrl [seconds])");
            }
        }
    }

    /** Waits for the step under way (it holds the row), then moves the sweep to the start of a new pass. */
    private static void restart(Connection db) throws Exception {
        try (var statement = db.createStatement()) {
            statement.executeUpdate("""
                    update verification_sweep set pass = pass + 1, pass_started_at = clock_timestamp(), position = 0,
                           checked = 0, findings = 0, last_pass_finished_at = null, updated_at = clock_timestamp()""");
        }
    }

    private static void await(Connection db, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (ResultSet rs = db.createStatement().executeQuery("""
                    select last_pass_finished_at is not null, last_pass_seconds, last_pass_checked, checked, findings
                    from verification_sweep""")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    // the finished pass's findings are those counted up to its end: none were counted since
                    System.out.printf(Locale.ROOT, "Pass: %d events in %d s, %d findings%n", rs.getLong(3), rs.getLong(2),
                            rs.getLong(5));
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the sweep's pass did not finish in " + timeout.toSeconds()
                            + " s; it has checked " + rs.getLong(4) + " events");
                }
            }
            Thread.sleep(2000);
        }
    }
}
