package city.trace;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

import city.trace.support.Anchoring;
import city.trace.support.AnvilNode;
import city.trace.support.Balancer;
import city.trace.support.Browser;
import city.trace.support.Demo;
import city.trace.support.EpcisDocs;
import city.trace.support.KeycloakResource;
import city.trace.support.MachineClient;
import city.trace.support.PackagedApp;
import city.trace.support.WebSession;
import io.restassured.path.json.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two instances of the packaged app behind one load balancer, on one PostgreSQL, one chain and one Keycloak,
 * started at the same moment on an empty database, as a site scaled out past one machine: what one instance
 * begins the other finishes, both anchoring workers run and every event is anchored once, both verify.
 */
class TwoInstancesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(180);

    private static EmbeddedPostgres postgres;
    private static AnvilNode anvil;
    private static KeycloakResource keycloak;
    private static Balancer balancer;
    private static PackagedApp a;
    private static PackagedApp b;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        anvil = AnvilNode.start("--block-time", "1");
        keycloak = new KeycloakResource();
        // the realm lets the code flow return to the one site address: the balancer's
        balancer = Balancer.start(Integer.parseInt(keycloak.start().get("quarkus.http.test-port")));
        Map<String, String> env = Map.of("DB_URL", postgres.getJdbcUrl("postgres", "postgres"), "DB_USER", "postgres",
                "DB_PASSWORD", "", "CITYTRACE_CHAIN_RPC_URL", anvil.rpcUrl(),
                "CITYTRACE_ANCHOR_PRIVATE_KEY", AnvilNode.DEV_KEY, "CITYTRACE_KEYCLOAK_URL", KeycloakResource.url(),
                "CITYTRACE_DEMO_ENABLED", "true",
                // small batches, cut often: many transactions for the two workers to send from each account
                "CITYTRACE_ANCHOR_BATCH_SIZE", "3", "CITYTRACE_ANCHOR_BATCH_INTERVAL", "100ms");
        // each organisation anchors from its dev account, admitted by the node that deploys the registry
        env = new HashMap<>(env);
        env.put("CITYTRACE_ANCHOR_KEYS_DEV_MNEMONIC", AnvilNode.DEV_MNEMONIC);
        env.put("CITYTRACE_ANCHOR_KEYS_ADMIT_NEW_ACCOUNTS", "true");
        a = PackagedApp.launch("two-instances-a", env);
        b = PackagedApp.launch("two-instances-b", env);
    }

    @AfterAll
    static void stop() throws IOException {
        for (AutoCloseable service : new AutoCloseable[] {a, b, balancer}) {
            try {
                if (service != null) {
                    service.close();
                }
            } catch (Exception e) {
                // stop the rest anyway
            }
        }
        keycloak.stop();
        anvil.stop();
        postgres.close();
    }

    @Test
    void bothStartAtOnceOnOneEmptyDatabase() {
        a.awaitStarted();
        b.awaitStarted();
        assertEquals(1, number("select count(*) from organization where code = ?", Demo.FARM), "the demo seeded once");
    }

    @Test
    void aLoginBegunOnOneInstanceEndsOnTheOther() {
        awaitBoth();
        WebSession browser = new WebSession(balancer.url());
        balancer.sendTo(a.url());
        HttpResponse<String> loginPage = browser.get("/dashboard");
        balancer.sendTo(b.url());
        HttpResponse<String> landed = browser.logIn(loginPage, "alice", "alice");
        assertEquals(balancer.url().resolve("/dashboard"), landed.uri(), landed.body());
        assertEquals(200, landed.statusCode());
    }

    @Test
    void aSessionAndAFormFromOneInstanceWorkOnTheOther() {
        awaitBoth();
        balancer.sendTo(a.url());
        WebSession alice = WebSession.loggedIn(balancer.url(), "alice");
        balancer.sendTo(b.url());
        assertEquals(200, alice.getWithoutRedirects("/dashboard").statusCode(), "the session begun on A, on B");

        balancer.sendTo(a.url());
        String token = alice.form("/batches/new").token();
        balancer.sendTo(b.url());
        String lot = "TWO" + Browser.unique(8);
        HttpResponse<String> created = alice.post("/batches", Map.of("csrf-token", token,
                "productId", String.valueOf(number("select id from product where gtin = ?", Demo.WHEAT_GTIN)),
                "siteId", String.valueOf(number("select id from site where gln = ?", Demo.FIELDS_GLN)), "lot", lot,
                "productionDate", LocalDate.now().minusDays(1).toString(), "quantity", "12", "unit", "TNE"));
        assertEquals(303, created.previousResponse().map(HttpResponse::statusCode).orElse(created.statusCode()),
                "the form from A, posted to B: " + created.body());
        assertEquals(1, number("select count(*) from batch where lot = ?", lot));
    }

    @Test
    void everyEventIsAnchoredOnceWhileBothWorkersRun() {
        awaitBoth();
        String token = MachineClient.accessToken();
        String gtin = EpcisDocs.bakeryGtin();
        for (int i = 0; i < 40; i++) {
            URI instance = i % 2 == 0 ? a.url() : b.url();
            given().auth().oauth2(token).contentType("application/ld+json")
                    .body(EpcisDocs.document(EpcisDocs.observe("shipping", "2026-11-20T08:00:00.000+01:00",
                            List.of(EpcisDocs.sgtin(gtin, "T" + i)))))
                    .post(instance.resolve("/epcis/capture").toString())
                    .then().statusCode(202).body("success", equalTo(true));
        }
        awaitEveryEventFinal();

        assertEquals(number("select count(*) from epcis_event"), number("select count(*) from anchor_leaf"),
                "one leaf per event");
        assertEquals(List.of(strings("select address from anchor_contract").getFirst()),
                strings("select distinct contract from anchor_round"), "one registry, the one remembered");
        List<String> roots = strings("select encode(root, 'hex') from anchor_round");
        for (String root : roots) {
            assertEquals(1, Anchoring.anchoredLogsOnAnyContract(anvil, "0x" + root), "root " + root + " on chain once");
        }
        // each organisation's account sent its rounds; this node's deployed the registry and admitted each of them
        String node = Credentials.create(AnvilNode.DEV_KEY).getAddress();
        List<String> organisations = strings("select distinct sender from anchor_round where organization_id is not null");
        for (String sender : strings("select ? union select distinct sender from anchor_round", node)) {
            long setup = sender.equals(node) ? 1 + organisations.size() : 0;
            assertEquals(setup + number("select count(*) from anchor_round where sender = ?", sender),
                    Long.decode(JsonPath.from(anvil.rpc("eth_getTransactionCount", "[\"" + sender + "\", \"latest\"]"))
                            .getString("result")), sender + ": one transaction per batch, none wasted");
        }
    }

    @Test
    void bothServeTheSameLotVerified() {
        awaitBoth();
        awaitEveryEventFinal();
        String bread = strings("select b.lot from batch b join product p on p.id = b.product_id where p.gtin = '"
                + Demo.BREAD_GTIN + "'").getFirst();
        for (PackagedApp instance : List.of(a, b)) {
            given().get(instance.url().resolve("/01/" + Demo.BREAD_GTIN + "/10/" + bread).toString())
                    .then().statusCode(200).body(containsString("verdict-VERIFIED"));
        }
    }

    private static void awaitBoth() {
        a.awaitStarted();
        b.awaitStarted();
    }

    /** Waits until every stored event is in a FINAL batch. */
    private static void awaitEveryEventFinal() {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String waiting = "select count(*) from epcis_event e left join anchor_leaf l on l.event_id = e.id "
                + "left join anchor_round b on b.id = l.round_id where b.status is distinct from 'FINAL'";
        while (number(waiting) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("events still waiting after " + PATIENCE + "; batches: " + strings(
                        "select id || ' ' || status || ' nonce ' || coalesce(nonce::text, '-') || ' ' || coalesce(last_error, '') "
                                + "from anchor_round where status <> 'FINAL' order by id"));
            }
            Anchoring.sleep(Duration.ofMillis(500));
        }
    }

    /** The one number {@code sql} selects. */
    private static long number(String sql, Object... parameters) {
        return Long.parseLong(strings(sql, parameters).getFirst());
    }

    private static List<String> strings(String sql, Object... parameters) {
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
                PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
