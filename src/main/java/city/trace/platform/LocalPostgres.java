package city.trace.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts real PostgreSQL binaries (from Maven Central) with a persistent data folder when no external
 * database is configured, so a fresh machine needs no database server installed.
 *
 * <p>Runs before Quarkus starts (the datasource URL must be known then), so it reads plain environment
 * variables rather than Quarkus configuration:
 * <ul>
 * <li>{@code DB_URL} (with {@code DB_USER}, {@code DB_PASSWORD}) set: nothing is started;</li>
 * <li>otherwise the data folder is {@code $CITYTRACE_DATA_DIR/postgres} (default {@code .citytrace/postgres}),
 * the port {@code $CITYTRACE_DB_PORT} (default 5433) and the shared buffers {@code $CITYTRACE_DB_SHARED_BUFFERS}
 * (default {@value #SHARED_BUFFERS}).</li>
 * </ul>
 */
final class LocalPostgres {

    private static final Logger LOG = Logger.getLogger(LocalPostgres.class);
    private static final String DATABASE = "citytrace";
    private static final String SUPERUSER = "postgres";
    /**
     * PostgreSQL's own default (128 MB) holds less than a city's events, anchoring and kept pages: public pages of
     * random lots then read most blocks through the kernel (benchmarks/random-lots.md). Memory is taken as blocks
     * are first read, not at start.
     */
    private static final String SHARED_BUFFERS = "512MB";

    private static EmbeddedPostgres running;

    private LocalPostgres() {
    }

    /** Starts the embedded server unless an external one is configured or it already runs in this JVM. */
    static synchronized void startUnlessConfigured() {
        if (running != null || setting("DB_URL").isPresent()) {
            return; // dev mode calls main() again on every reload
        }
        Path dataDir = Path.of(setting("CITYTRACE_DATA_DIR").orElse(".citytrace"), "postgres").toAbsolutePath();
        int port = Integer.parseInt(setting("CITYTRACE_DB_PORT").orElse("5433"));
        try {
            Files.createDirectories(dataDir);
            stopLeftoverServer(dataDir);
            running = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("shared_buffers", setting("CITYTRACE_DB_SHARED_BUFFERS").orElse(SHARED_BUFFERS))
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOverrideWorkingDirectory(dataDir.resolveSibling("postgres-binaries").toFile())
                    .start();
            createDatabaseIfMissing();
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dataDir
                    + " on port " + port + " (set DB_URL to use an external database): " + e.getMessage(), e);
        }
        System.setProperty("DB_URL", running.getJdbcUrl(SUPERUSER, DATABASE));
        System.setProperty("DB_USER", SUPERUSER);
        System.setProperty("DB_PASSWORD", "");
        LOG.infof("Embedded PostgreSQL ready on port %d, data in %s", port, dataDir);
    }

    /**
     * A run that was killed with SIGKILL leaves its postmaster running on our data folder; a new server
     * cannot start there until it is gone. Ask it to shut down (SIGTERM: smart shutdown) and wait.
     */
    private static void stopLeftoverServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
        Optional<ProcessHandle> leftover = ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (leftover.isEmpty()) {
            return; // stale pid file only: pg_ctl handles that itself
        }
        LOG.warnf("Stopping PostgreSQL (pid %d) left running by an earlier run on %s", pid, dataDir);
        leftover.get().destroy();
        try {
            leftover.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("PostgreSQL pid " + pid + " from an earlier run did not stop; stop it and retry", e);
        }
    }

    private static void createDatabaseIfMissing() throws SQLException {
        try (Connection c = running.getPostgresDatabase().getConnection();
                var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                try (var create = c.createStatement()) {
                    create.execute("create database " + DATABASE);
                }
            }
        }
    }

    private static Optional<String> setting(String name) {
        return Optional.ofNullable(System.getProperty(name)).or(() -> Optional.ofNullable(System.getenv(name)))
                .filter(v -> !v.isBlank());
    }
}
