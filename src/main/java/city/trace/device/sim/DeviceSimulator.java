package city.trace.device.sim;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code device-sim keygen|register|stream}: plays an IoT device (a truck's thermometer) against a running
 * CityTrace, so the device API can be tried and demonstrated without hardware. Run by scripts/device-sim.sh;
 * {@link #run} is the whole command, for tests.
 */
@Command(name = "device-sim", sortOptions = false,
        subcommands = { KeygenCommand.class, RegisterCommand.class, StreamCommand.class },
        description = "Simulates a CityTrace device: makes its key pair, registers it, streams signed readings.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done, every answer as expected",
            "1:CityTrace refused something unexpectedly, or could not be reached",
            "2:usage error" })
public final class DeviceSimulator implements Callable<Integer> {

    /** An unexpected refusal, an unreachable server or an unreadable file. */
    static final int FAILED = 1;

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "show this help")
    boolean help;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Runs the command; returns its exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        CommandLine command = new CommandLine(new DeviceSimulator())
                .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
                .setExecutionExceptionHandler((failure, failed, parsed) -> {
                    failed.getErr().println("error: " + (failure.getMessage() != null ? failure.getMessage()
                            : failure.getClass().getSimpleName()));
                    return FAILED;
                });
        return command.execute(args.toArray(String[]::new));
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }
}
