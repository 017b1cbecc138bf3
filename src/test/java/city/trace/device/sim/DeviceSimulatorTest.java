package city.trace.device.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import city.trace.signedreadings.DeviceKey;
import city.trace.signedreadings.ReadingSigner;

class DeviceSimulatorTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void keygenWritesAnOwnerOnlyPrivateKeyAndPrintsThePublicOne() throws Exception {
        KeyFiles files = new KeyFiles(directory.resolve("truck7.pem"));
        assertEquals(0, run("keygen", "--key", files.privateKey().toString(), "--alg", "EdDSA"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.privateKey())));
        DeviceKey publicKey = files.readPublic();
        assertEquals("EdDSA", publicKey.algorithm());
        assertEquals(publicKey.pem(), out.toString(StandardCharsets.UTF_8));
        assertEquals("EdDSA", ReadingSigner.algorithmOf(files.readPrivate()));
    }

    @Test
    void keygenNeverOverwritesAKey() throws Exception {
        Path key = Files.writeString(directory.resolve("truck7.pem"), "the registered device's key");
        assertEquals(DeviceSimulator.FAILED, run("keygen", "--key", key.toString()));
        assertEquals("the registered device's key", Files.readString(key));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("is never overwritten"));
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run());
        assertEquals(2, run("register", "--url", "http://localhost", "--token", "t", "--identifier", "urn:x", "--kind",
                "thermometer", "--model", "m", "--site", "0614141000012", "--vehicle", "AB-123", "--key", "k"));
        assertEquals(2, run("stream", "--url", "http://localhost", "--device", "1", "--identifier", "urn:x", "--key", "k",
                "--batch-size", "1001"));
        assertEquals(2, run("stream", "--url", "http://localhost", "--device", "1", "--identifier", "urn:x", "--key", "k",
                "--excursion-at", "3"));
    }

    private int run(String... args) {
        return DeviceSimulator.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
