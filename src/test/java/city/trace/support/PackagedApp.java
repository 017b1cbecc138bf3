package city.trace.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The packaged application (target/quarkus-app) in a process of its own, started as an operator starts it (the
 * prod profile, settings from the environment): for what only a real process shows, a crash or several instances.
 */
public final class PackagedApp implements AutoCloseable {

    /** The CSRF secret of every instance the tests start: instances of one site must share it. */
    public static final String CSRF_SECRET = "packaged-app-tests-csrf-secret-0123456789";
    private static final Duration PATIENCE = Duration.ofSeconds(150);

    private final Process process;
    private final int port;
    private final Path log;

    private PackagedApp(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the jar on a free port with {@code env} (over this JVM's environment and {@link #CSRF_SECRET}), its
     * output appended to target/{@code name}.log; returns at once (see {@link #awaitStarted()}).
     */
    public static PackagedApp launch(String name, Map<String, String> env) {
        int port = AnvilNode.freePort();
        Path log = Path.of("target", name + ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx256m", "-jar",
                System.getProperty("citytrace.app.jar", "target/quarkus-app/quarkus-run.jar")))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("CITYTRACE_WEB_CSRF_SECRET", CSRF_SECRET);
        builder.environment().putAll(env);
        builder.environment().put("PORT", String.valueOf(port));
        try {
            return new PackagedApp(builder.start(), port, log);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the packaged app", e);
        }
    }

    /** Waits until the app answers /q/health/live; fails, naming its log, when it stopped or took too long. */
    public PackagedApp awaitStarted() {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest live = HttpRequest.newBuilder(url().resolve("/q/health/live")).timeout(Duration.ofSeconds(5)).build();
        while (true) {
            try {
                if (http.send(live, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the app did not start; see " + log);
            }
            Anchoring.sleep(Duration.ofMillis(250));
        }
    }

    public URI url() {
        return URI.create("http://localhost:" + port);
    }

    /** Ends the process at once (SIGKILL), as a crash does. */
    public void kill() {
        stop(process.destroyForcibly());
    }

    @Override
    public void close() {
        process.destroy();
        stop(process);
    }

    private static void stop(Process process) {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
