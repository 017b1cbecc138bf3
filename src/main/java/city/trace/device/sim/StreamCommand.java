package city.trace.device.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;

import city.trace.signedreadings.ReadingBatch;
import city.trace.device.sim.TemperatureSeries.Excursion;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stream}: the device at work, sending signed batches of temperature readings. */
@Command(name = "stream", sortOptions = false,
        description = "Sends signed batches of temperature readings as the device; prints a line per batch.")
final class StreamCommand implements Callable<Integer> {

    @Option(names = "--url", paramLabel = "URL", required = true, description = "CityTrace, like http://localhost:8080")
    String url;

    @Option(names = "--device", paramLabel = "ID", required = true, description = "the id register printed")
    long device;

    @Option(names = "--identifier", paramLabel = "URI", required = true, description = "the identifier registered")
    String identifier;

    @Option(names = "--key", paramLabel = "FILE", required = true, description = "the private key file (and FILE.pub)")
    Path key;

    @Option(names = "--counter-file", paramLabel = "F", description = "keeps the next counter; default: FILE.counter")
    Path counterFile;

    @Option(names = "--batches", paramLabel = "N", defaultValue = "1", description = "default: ${DEFAULT-VALUE}")
    int batches;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "60", description = "readings per batch;"
            + " default: ${DEFAULT-VALUE}")
    int batchSize;

    @Option(names = "--interval-seconds", paramLabel = "S", defaultValue = "60",
            description = "between the readings' times; default: ${DEFAULT-VALUE}")
    long intervalSeconds;

    @Option(names = "--rate", paramLabel = "BATCHES_PER_SECOND", defaultValue = "1",
            description = "how fast batches are sent; default: ${DEFAULT-VALUE}")
    double rate;

    @Option(names = "--temperature", paramLabel = "C", defaultValue = "4.0", description = "default: ${DEFAULT-VALUE}")
    double temperature;

    @Option(names = "--noise", paramLabel = "C", defaultValue = "0.3",
            description = "standard deviation; default: ${DEFAULT-VALUE}")
    double noise;

    @Option(names = "--start", paramLabel = "TIME",
            description = "the first reading's time (RFC 3339, UTC); default: early enough for the last to be now")
    Instant start;

    @ArgGroup(exclusive = false)
    ExcursionOptions excursion;

    @Option(names = "--forge", description = "then send a batch signed by another key (expects 401)")
    boolean forge;

    @Option(names = "--replay", description = "then send the last accepted batch again (expects 409)")
    boolean replay;

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "show this help")
    boolean help;

    @Spec
    CommandSpec spec;

    /** A stretch at another temperature, like a door left open. */
    static final class ExcursionOptions {

        @Option(names = "--excursion-at", paramLabel = "INDEX", required = true,
                description = "the first reading of the excursion, counted from 0 over the run")
        long at;

        @Option(names = "--excursion-minutes", paramLabel = "M", required = true, description = "how long it lasts")
        long minutes;

        @Option(names = "--excursion-temperature", paramLabel = "C", required = true,
                description = "the temperature then")
        double temperature;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        validate();
        KeyFiles files = new KeyFiles(key);
        Duration interval = Duration.ofSeconds(intervalSeconds);
        Instant first = start != null ? start
                : Instant.now().minus(interval.multipliedBy((long) batches * batchSize));
        TemperatureSeries series = new TemperatureSeries(first, interval, temperature, noise,
                Optional.ofNullable(excursion).map(
                        stretch -> new Excursion(stretch.at, Duration.ofMinutes(stretch.minutes), stretch.temperature)),
                new Random());
        BatchStream.Signer signer =
                new BatchStream.Signer(identifier, files.readPrivate(), files.readPublic().thumbprint());
        DeviceApi api = new DeviceApi(url);
        BatchStream stream = new BatchStream(signer, series, batchSize,
                new CounterFile(counterFile != null ? counterFile : files.counter()),
                compact -> api.postReadings(device, compact), spec.commandLine().getOut());
        Duration pause = Duration.ofNanos(Math.round(1e9 / rate));
        return stream.run(batches, pause, forge, replay) ? 0 : DeviceSimulator.FAILED;
    }

    private void validate() {
        if (batches < (replay ? 1 : 0)) {
            throw usage("--batches must be " + (replay ? "at least 1 with --replay" : "0 or more"));
        }
        if (batchSize < 1 || batchSize > ReadingBatch.MAX_READINGS) {
            throw usage("--batch-size must be 1 to " + ReadingBatch.MAX_READINGS);
        }
        if (intervalSeconds < 1 || !(rate > 0) || noise < 0) {
            throw usage("--interval-seconds and --rate must be positive, --noise not negative");
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
