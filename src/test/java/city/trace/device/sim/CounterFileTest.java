package city.trace.device.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CounterFileTest {

    @TempDir
    Path directory;

    @Test
    void startsAtOneAndKeepsWhatWasStoredAcrossInstances() throws IOException {
        Path path = directory.resolve("device.pem.counter");
        assertEquals(1, new CounterFile(path).next());
        new CounterFile(path).store(42);
        assertEquals(42, new CounterFile(path).next());
        assertEquals("42\n", Files.readString(path));
        try (var files = Files.list(directory)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    @Test
    void aFileWithoutACounterIsAnError() throws IOException {
        Path path = Files.writeString(directory.resolve("counter"), "seven");
        assertThrows(IOException.class, () -> new CounterFile(path).next());
    }
}
