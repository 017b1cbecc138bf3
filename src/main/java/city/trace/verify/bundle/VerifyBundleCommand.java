package city.trace.verify.bundle;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import okhttp3.HttpUrl;

/**
 * {@code verify-bundle BUNDLE.json [--rpc URL]}: checks a proof bundle against any node of the chain, without
 * the app. Run by scripts/verify-bundle.sh; {@link #run} is the whole command, for tests.
 */
public final class VerifyBundleCommand {

    public static final String DEFAULT_RPC_URL = "http://127.0.0.1:8545";
    /** Usage errors and bundles that cannot be read; the other exit codes are {@link Outcome#exitCode()}. */
    public static final int MALFORMED = 2;

    static final String USAGE = """
            Usage: verify-bundle BUNDLE.json [--rpc URL]

            Checks a CityTrace proof bundle without trusting CityTrace: for each event, that
              a. the pre-hash recomputed from the event equals the bundle's,
              b. SHA-256 of the pre-hash is the digest in the Event Hash ID,
              c. the Merkle audit path leads from that hash to the root (RFC 9162),
              d. the chain node at URL (default %s) is on the bundle's chain and the registry
                 contract anchored that root, for a tree of that size, in the stated block.

            Outcome per event: VERIFIED, PENDING (not anchored yet: a and b checked), TAMPERED (a, b or c
            fails), NOT_ON_CHAIN (d fails), UNREACHABLE (the node cannot be asked).

            Exit codes:
              0  every event VERIFIED
              2  usage error, or the file is no readable proof bundle
              3  some events PENDING, none worse
              4  some events TAMPERED or NOT_ON_CHAIN
              5  the chain node could not be asked (and nothing TAMPERED or NOT_ON_CHAIN)
            """.formatted(DEFAULT_RPC_URL);

    /** The command line, parsed. */
    record Arguments(Path bundle, String rpcUrl, boolean help) {

        static Arguments parse(List<String> args) {
            Path bundle = null;
            String rpcUrl = DEFAULT_RPC_URL;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals("-h") || arg.equals("--help")) {
                    return new Arguments(null, rpcUrl, true);
                } else if (arg.equals("--rpc")) {
                    if (++i == args.size()) {
                        throw new IllegalArgumentException("--rpc needs a URL");
                    }
                    rpcUrl = args.get(i);
                } else if (arg.startsWith("--rpc=")) {
                    rpcUrl = arg.substring("--rpc=".length());
                } else if (arg.startsWith("-") || bundle != null) {
                    throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                } else {
                    bundle = Path.of(arg);
                }
            }
            if (bundle == null) {
                throw new IllegalArgumentException("no bundle file given");
            }
            // what web3j's HttpService (OkHttp) accepts; anything else would fail only when the node is asked
            if (HttpUrl.parse(rpcUrl) == null) {
                throw new IllegalArgumentException("--rpc needs an http:// or https:// URL, not '" + rpcUrl + "'");
            }
            return new Arguments(bundle, rpcUrl, false);
        }
    }

    private VerifyBundleCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Runs the command; returns its exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return MALFORMED;
        }
        if (arguments.help()) {
            out.print(USAGE);
            return 0;
        }
        ProofBundle bundle;
        try {
            bundle = ProofBundleJson.read(Files.readString(arguments.bundle()));
        } catch (NoSuchFileException e) {
            err.println("error: no file " + arguments.bundle());
            return MALFORMED;
        } catch (CharacterCodingException e) {
            err.println("error: " + arguments.bundle() + " is not UTF-8 text");
            return MALFORMED;
        } catch (IOException e) {
            err.println("error: cannot read " + arguments.bundle() + ": " + e.getMessage());
            return MALFORMED;
        } catch (MalformedBundleException e) {
            err.println("error: " + arguments.bundle() + " is not a " + ProofBundle.FORMAT + " bundle: " + e.getMessage());
            return MALFORMED;
        }
        BundleReport report;
        try (BundleVerifier verifier = new BundleVerifier(arguments.rpcUrl())) {
            report = verifier.verify(bundle);
        }
        new ReportPrinter(out).print(arguments.bundle().toString(), arguments.rpcUrl(), bundle, report);
        return report.outcome().exitCode();
    }
}
