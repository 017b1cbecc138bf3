package city.trace.device.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The next batch counter, kept across runs: a restarted device that began again at 1 would have every batch
 * refused as a replay.
 */
record CounterFile(Path path) {

    /** The counter the next batch carries: 1 for a device that has sent nothing yet. */
    long next() throws IOException {
        if (!Files.exists(path)) {
            return 1;
        }
        String text = Files.readString(path).strip();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException(path + " holds no counter but '" + text + "'", e);
        }
    }

    /** Written aside and moved into place, so a crash leaves the old counter or the new one, never half of one. */
    void store(long next) throws IOException {
        Path written = path.resolveSibling(path.getFileName() + ".new");
        Files.writeString(written, next + "\n");
        Files.move(written, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
