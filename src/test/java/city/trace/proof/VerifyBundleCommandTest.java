package city.trace.proof;

import static city.trace.proof.TestBundles.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import city.trace.proof.cli.VerifyBundleCommand;
import city.trace.signedreadings.DeviceKey;
import city.trace.signedreadings.ReadingBatch;

/** The command line without a chain: usage, and bundles it must refuse with a clear message and exit code 2. */
class VerifyBundleCommandTest {

    private static ProofBundle wellFormed;

    @TempDir
    Path files;

    @BeforeAll
    static void wellFormedBundle() {
        List<HashedEvent> events = ExampleEvents.anchored();
        wellFormed = TestBundles.bundle(TestBundles.batch(events, TestBundles.tree(events), AnchoringStatus.FINAL,
                TestBundles.OFF_CHAIN));
    }

    static Stream<Arguments> malformations() {
        return Stream.of(
                malformed("another format", json -> json.put("format", "citytrace-proof-bundle/2"),
                        "format: expected \"citytrace-proof-bundle/1\", found \"citytrace-proof-bundle/2\""),
                malformed("no events", json -> json.putArray("events"), "events: a bundle holds at least one event"),
                malformed("a null event", json -> json.withArrayProperty("events").insertNull(1), "events[1]: missing"),
                malformed("an event without its event", json -> event(json, 1).remove("event"), "events[1]: event: missing"),
                malformed("a namespace without its IRI", json -> event(json, 0).withObjectProperty("namespaces").putNull("ex"),
                        "events[0]: namespaces.ex: missing"),
                malformed("a null audit path node",
                        json -> event(json, 0).withObjectProperty("proof").withArrayProperty("auditPath").insertNull(0),
                        "events[0].proof: auditPath[0]: missing"),
                malformed("an event that is no object", json -> event(json, 1).put("event", "ObjectEvent"),
                        "events[1]: event: expected a JSON object"),
                malformed("an unknown hash version", json -> event(json, 0).put("hashVersion", "CBV9"),
                        "events[0]: unknown CBV version 'CBV9'"),
                malformed("a hash that is no Event Hash ID", json -> event(json, 0).put("hash", "sha256:00"),
                        "events[0]: hash: expected ni:///sha-256;<64 hex digits>?ver=<version>"),
                malformed("an unknown status", json -> event(json, 0).put("status", "DONE"),
                        "events[0].status: Cannot deserialize value of type"),
                malformed("a final event without a proof", json -> event(json, 0).remove("proof"),
                        "events[0]: proof: a FINAL event needs a proof"),
                malformed("a pending event with a proof", json -> event(json, 0).put("status", "PENDING"),
                        "events[0]: proof: a PENDING event has no proof"),
                malformed("a submitted event with a block", json -> event(json, 0).put("status", "SUBMITTED"),
                        "events[0]: proof.blockNumber: not yet known for a SUBMITTED event"),
                malformed("a proof without a leaf index", json -> event(json, 0).withObjectProperty("proof").remove("leafIndex"),
                        "events[0].proof.leafIndex: Missing required creator property 'leafIndex'"),
                malformed("a null tree size", json -> event(json, 0).withObjectProperty("proof").putNull("treeSize"),
                        "events[0].proof.treeSize: Cannot map `null` into type `long`"),
                malformed("a short root", json -> event(json, 0).withObjectProperty("proof").put("root", "0x1234"),
                        "events[0].proof: root: expected 0x and 64 hex digits, found \"0x1234\""),
                malformed("a member that is no account",
                        json -> event(json, 0).withObjectProperty("proof").putObject("member").put("account", "0x12"),
                        "events[0].proof.member: account: expected an address, 0x and 40 hex digits, found \"0x12\""),
                malformed("an audit path node without 0x",
                        json -> event(json, 0).withObjectProperty("proof").withArrayProperty("auditPath").set(0, "ab".repeat(32)),
                        "events[0].proof: auditPath[0]: expected 0x and 64 hex digits"),
                malformed("a contract that is no address", json -> event(json, 0).withObjectProperty("proof").put("contract", "registry"),
                        "events[0].proof: contract: expected an address"),
                malformed("a negative leaf index", json -> event(json, 0).withObjectProperty("proof").put("leafIndex", -1),
                        "events[0].proof: leafIndex: expected a number >= 0, found -1"));
    }

    private static Arguments malformed(String what, Consumer<ObjectNode> edit, String message) {
        return Arguments.of(what, edit, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformations")
    void aMalformedBundleIsRefusedSayingWhere(String what, Consumer<ObjectNode> edit, String message) throws IOException {
        assertRefused(TestBundles.editedJson(wellFormed, edit), message);
    }

    @Test
    void textThatIsNoBundleIsRefused() throws IOException {
        assertRefused("{\"format\": ", "Unexpected end-of-input");
        assertRefused("null", "expected a JSON object, found null");
        assertRefused("[]", "Cannot deserialize value of type");
        assertRefused(TestBundles.editedJson(wellFormed, json -> { }) + " {}", "Trailing token");
    }

    @Test
    void aSignedEventGetsASignatureAndAKeyLine() throws IOException {
        // neither the readings nor the registration anchored yet: the chain is not asked
        SignedDevice device = SignedDevice.generate("ES256");
        ReadingBatch batch = device.batch(1);
        BundleEvent signed = device.signed(device.readings(batch).inBundle(AnchoringStatus.PENDING, null),
                device.sign(batch), device.registration().inBundle(AnchoringStatus.PENDING, null));
        Path file = TestBundles.write(TestBundles.bundle(List.of(signed)), files.resolve("signed.json"));
        Run run = run(file.toString(), "--rpc", "http://127.0.0.1:1");
        assertEquals(3, run.exitCode(), run.out() + run.err());
        List<String> checks = run.out().lines().filter(line -> line.startsWith("  ")).toList();
        assertEquals(List.of("ok", "ok", "wait", "ok", "wait"), checks.stream().map(line -> line.strip().split(" +")[0]).toList(),
                run.out());
        assertEquals("  ok    signature  3 readings signed by device " + device.identifier() + " (ES256, key "
                + DeviceKey.parse(device.publicKeyPem()).thumbprint() + ", batch 1)", checks.get(3));
        assertTrue(checks.get(4).startsWith("  wait  key        device " + device.identifier() + "'s registration event ni:///"),
                checks.get(4));
        assertTrue(checks.get(4).endsWith(" is PENDING: anchor: not in an anchored round yet (PENDING)"), checks.get(4));
    }

    @Test
    void aMissingFileIsRefused() {
        Run run = run(files.resolve("absent.json").toString());
        assertEquals(VerifyBundleCommand.MALFORMED, run.exitCode());
        assertEquals("error: no file " + files.resolve("absent.json") + "\n", run.err());
    }

    @Test
    void usage() {
        assertEquals(0, run("--help").exitCode());
        assertTrue(run("--help").out().contains("Exit codes:"));
        for (List<String> wrong : List.of(List.<String>of(), List.of("a.json", "b.json"), List.of("--rpcc", "x", "a.json"), List.of("a.json", "--rpc"), List.of("a.json", "--rpc", "ws://127.0.0.1:8546"),
                List.of("a.json", "--rpc", "http://[::1"))) {
            Run run = run(wrong.toArray(String[]::new));
            assertEquals(VerifyBundleCommand.MALFORMED, run.exitCode(), wrong.toString());
            assertTrue(run.err().contains("Usage:"), run.err());
        }
    }

    private void assertRefused(String json, String message) throws IOException {
        Path file = Files.writeString(files.resolve("bundle.json"), json);
        Run run = run(file.toString(), "--rpc", "http://127.0.0.1:1");
        assertEquals(VerifyBundleCommand.MALFORMED, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("error: " + file + " is not a citytrace-proof-bundle/1 bundle: "), run.err());
        assertTrue(run.err().contains(message), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), "no stack trace: " + run.err());
        assertEquals("", run.out());
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = VerifyBundleCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
