package city.trace.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/** The shared conformance data (../shared/conformance), read in place; tests skip when it is absent. */
public final class Conformance {

    public static final Path ROOT = Path.of("..", "shared", "conformance");

    private Conformance() {
    }

    /** The folder under the conformance root, or skips the test with a message saying why. */
    public static Path folder(String relative) {
        Path folder = ROOT.resolve(relative);
        Assumptions.assumeTrue(Files.isDirectory(folder),
                "Skipped: " + folder.toAbsolutePath().normalize() + " is absent (the shared conformance data sits beside the project in CI)");
        return folder;
    }

    /** Every file below {@code folder} whose name ends with {@code suffix}, sorted. */
    public static List<Path> files(Path folder, String suffix) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
