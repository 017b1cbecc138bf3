package city.trace.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import city.trace.merkle.MerkleTree;

/**
 * scripts/verify-bundle.sh end to end, as a user runs it from a checkout: on the packaged application's
 * classes and libraries (target/quarkus-app), against a real anvil node. An IT, so that it runs after
 * {@code package} and on the jars that phase just built.
 */
class VerifyBundleScriptIT {

    private static final Path SCRIPT = Path.of("scripts", "verify-bundle.sh");
    private static final Path PACKAGED_APP = Path.of("target", "quarkus-app", "quarkus-run.jar");

    @TempDir
    Path files;

    @Test
    void theScriptVerifiesAnAnchoredBundleAndRefusesAMalformedOne() throws Exception {
        Assumptions.assumeTrue(Files.exists(PACKAGED_APP),
                "Skipped: " + PACKAGED_APP + " is absent; ./mvnw package builds it (./mvnw verify runs this test after)");
        List<HashedEvent> events = ExampleEvents.anchored();
        MerkleTree tree = TestBundles.tree(events);
        try (RegistryOnAnvil chain = new RegistryOnAnvil()) {
            Path bundle = TestBundles.write(TestBundles.bundle(TestBundles.batch(events, tree, AnchoringStatus.FINAL,
                    chain.anchor(tree))), files.resolve("bundle.json"));
            Run verified = script(bundle.toString(), "--rpc", chain.rpcUrl());
            assertEquals(0, verified.exitCode(), verified.output());
            assertTrue(verified.output().contains("Result: " + events.size() + " VERIFIED\n"), verified.output());
        }

        Run malformed = script(Files.writeString(files.resolve("malformed.json"), "{\"format\": 1}").toString());
        assertEquals(2, malformed.exitCode(), malformed.output());
        assertTrue(malformed.output().contains("is not a citytrace-proof-bundle/1 bundle: format"), malformed.output());
    }

    private record Run(int exitCode, String output) {
    }

    private static Run script(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the script did not end: " + output);
        return new Run(process.exitValue(), output);
    }
}
