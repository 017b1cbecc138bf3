package city.trace.proof.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import city.trace.proof.BundleReport;
import city.trace.proof.BundleVerifier;
import city.trace.proof.MalformedBundleException;
import city.trace.proof.NodeChain;
import city.trace.proof.ProofBundle;
import city.trace.proof.ProofBundleJson;
import okhttp3.HttpUrl;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code verify-bundle BUNDLE.json [--rpc URL]}: checks a proof bundle against any node of the chain, without
 * the app. Run by scripts/verify-bundle.sh; {@link #run} is the whole command, for tests.
 */
@Command(name = "verify-bundle", sortOptions = false,
        description = "Checks a CityTrace proof bundle without trusting CityTrace: for each event, that%n"
                + "  a. the pre-hash recomputed from the event equals the bundle's,%n"
                + "  b. SHA-256 of the pre-hash is the digest in the Event Hash ID,%n"
                + "  c. the Merkle audit path leads from that hash to the root (RFC 9162),%n"
                + "  d. the chain node at URL is on the bundle's chain and the registry contract%n"
                + "     anchored that root, for a tree of that size, in the stated block, from an account%n"
                + "     that was a member of the registry in that block (the one the bundle names, if any);%n"
                + "and for readings a device signed (events with a device block), that%n"
                + "  e. the device's signature (JWS) verifies with the bundle's key, over exactly the event's%n"
                + "     readings,%n"
                + "  f. that key is the one the device's registration event anchored, and that event passes%n"
                + "     a to d itself.%n%n"
                + "Outcome per event: VERIFIED, PENDING (not anchored yet: a and b checked), TAMPERED (a, b, c,%n"
                + "e or f fails), NOT_ON_CHAIN (d fails), UNREACHABLE (the node cannot be asked).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every event VERIFIED",
            "2:usage error, or the file is no readable proof bundle",
            "3:some events PENDING, none worse",
            "4:some events TAMPERED or NOT_ON_CHAIN",
            "5:the chain node could not be asked (and nothing TAMPERED or NOT_ON_CHAIN)" })
public final class VerifyBundleCommand implements Callable<Integer> {

    public static final String DEFAULT_RPC_URL = "http://127.0.0.1:8545";
    /** Usage errors and bundles that cannot be read; the other exit codes are the worst outcome's. */
    public static final int MALFORMED = CommandLine.ExitCode.USAGE;

    @Parameters(paramLabel = "BUNDLE.json", description = "the proof bundle to check")
    Path bundle;

    @Option(names = "--rpc", paramLabel = "URL", defaultValue = DEFAULT_RPC_URL,
            description = "a JSON-RPC node of the chain (default: ${DEFAULT-VALUE})")
    String rpcUrl;

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "show this help")
    boolean help;

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    private VerifyBundleCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Runs the command; returns its exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        CommandLine command = new CommandLine(new VerifyBundleCommand(out, err))
                .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
                .setParameterExceptionHandler((wrong, ignored) -> {
                    wrong.getCommandLine().getErr().println("error: " + wrong.getMessage());
                    wrong.getCommandLine().usage(wrong.getCommandLine().getErr());
                    return MALFORMED;
                });
        return command.execute(args.toArray(String[]::new));
    }

    @Override
    public Integer call() {
        // what web3j's HttpService (OkHttp) accepts; anything else would fail only when the node is asked
        if (HttpUrl.parse(rpcUrl) == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--rpc needs an http:// or https:// URL, not '" + rpcUrl + "'");
        }
        ProofBundle read;
        try {
            read = ProofBundleJson.read(Files.readString(bundle));
        } catch (NoSuchFileException e) {
            err.println("error: no file " + bundle);
            return MALFORMED;
        } catch (CharacterCodingException e) {
            err.println("error: " + bundle + " is not UTF-8 text");
            return MALFORMED;
        } catch (IOException e) {
            err.println("error: cannot read " + bundle + ": " + e.getMessage());
            return MALFORMED;
        } catch (MalformedBundleException e) {
            err.println("error: " + bundle + " is not a " + ProofBundle.FORMAT + " bundle: " + e.getMessage());
            return MALFORMED;
        }
        BundleReport report;
        try (NodeChain node = NodeChain.at(rpcUrl)) {
            report = new BundleVerifier(node).verify(read);
        }
        new ReportPrinter(out).print(bundle.toString(), rpcUrl, read, report);
        return report.outcome().exitCode();
    }
}
