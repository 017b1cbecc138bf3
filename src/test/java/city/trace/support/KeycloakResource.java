package city.trace.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Keycloak (the distribution ./test.sh downloads into .cache/) with the project's realm file, in
 * memory. The application under test gets a fixed free port so the realm can allow its redirect URI.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    public static final String VERSION = "26.7.3";
    private static final Path HOME = Path.of(".cache/keycloak-" + VERSION);
    private static final Path REALM = Path.of("docker/keycloak/citytrace-realm.json");
    /** The login pages' theme, read from the checkout (not copied into the shared .cache/). */
    private static final Path THEMES = Path.of("docker/keycloak/themes");
    /** A realm attribute that tells which start of Keycloak wrote the file it imported. */
    private static final String IMPORT_MARK = "citytraceTestImport";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The web client's access (and ID) token lifespan in the tests: short, so that tests see sessions outlive
     * their tokens within seconds (the realm's default is 5 minutes).
     */
    public static final Duration WEB_ACCESS_TOKEN_LIFESPAN = Duration.ofSeconds(5);

    private static String url;
    private Process process;

    /** The base URL of the running Keycloak, for tests that talk to it directly (tokens, login pages). */
    public static String url() {
        return url;
    }

    @Override
    public Map<String, String> start() {
        if (!Files.isExecutable(HOME.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(HOME + " is missing: run ./test.sh (or ./run.sh) first, which downloads it");
        }
        int appPort = AnvilNode.freePort();
        // .cache/ and its import folder may be shared with other checkouts whose test runs start their own
        // Keycloak at the same moment: make sure the realm imported is this checkout's (marked), else again
        for (int attempt = 1;; attempt++) {
            String mark = UUID.randomUUID().toString();
            startKeycloak(appPort, mark);
            if (mark.equals(KeycloakAdmin.realm().getString("attributes." + IMPORT_MARK))) {
                return Map.of("citytrace.keycloak.url", url, "quarkus.http.test-port", String.valueOf(appPort));
            }
            stop();
            if (attempt == 3) {
                throw new IllegalStateException("Keycloak imported another checkout's realm file three times");
            }
        }
    }

    private void startKeycloak(int appPort, String mark) {
        int port = AnvilNode.freePort();
        try {
            Path imports = Files.createDirectories(HOME.resolve("data/import"));
            ObjectNode realm = (ObjectNode) JSON.readTree(REALM.toFile());
            (realm.get("attributes") instanceof ObjectNode attributes ? attributes : realm.putObject("attributes"))
                    .put(IMPORT_MARK, mark);
            JSON.writeValue(imports.resolve(REALM.getFileName()).toFile(), realm);
            ProcessBuilder builder = new ProcessBuilder(HOME.resolve("bin/kc.sh").toString(), "start-dev",
                    "--db=dev-mem", "--http-host=127.0.0.1", "--http-port=" + port, "--import-realm",
                    "--health-enabled=false", "--metrics-enabled=false",
                    "--spi-theme--folder--dir=" + THEMES.toAbsolutePath())
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of("target/keycloak-test.log").toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            builder.environment().put("CITYTRACE_APP_URL", "http://localhost:" + appPort);
            builder.environment().put("CITYTRACE_WEB_ACCESS_TOKEN_LIFESPAN",
                    String.valueOf(WEB_ACCESS_TOKEN_LIFESPAN.toSeconds()));
            process = builder.start();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start Keycloak", e);
        }
        url = "http://localhost:" + port;
        awaitRealm();
    }

    private void awaitRealm() {
        HttpClient http = HttpClient.newHttpClient();
        URI discovery = URI.create(url + "/realms/citytrace/.well-known/openid-configuration");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited; see target/keycloak-test.log");
            }
            try {
                var response = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // still starting
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("Keycloak did not become ready in 120 s; see target/keycloak-test.log");
    }

    @Override
    public void stop() {
        if (process != null) {
            process.toHandle().descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
