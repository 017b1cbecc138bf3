package city.trace.proof.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import city.trace.proof.BundleReport;
import city.trace.proof.CheckResult;
import city.trace.proof.EventReport;
import city.trace.proof.Outcome;
import city.trace.proof.ProofBundle;

/** Writes a bundle's report for people: a line per event, then a line per check, then the verdict. */
final class ReportPrinter {

    private final PrintStream out;

    ReportPrinter(PrintStream out) {
        this.out = out;
    }

    void print(String source, String rpcUrl, ProofBundle bundle, BundleReport report) {
        out.println("Proof bundle " + source + ": " + subject(bundle.subject()) + ", " + bundle.events().size()
                + " events, generated " + bundle.generatedAt());
        out.println("Chain node: " + rpcUrl);
        for (EventReport event : report.events()) {
            out.println();
            out.printf("%-12s  %s%n", event.outcome(), event.eventID());
            for (CheckResult check : event.checks()) {
                out.printf("  %-4s  %-9s  %s%n", marker(check), check.check().label(), check.detail());
            }
        }
        out.println();
        out.println("Result: " + report.counts().entrySet().stream().map(count -> count.getValue() + " " + count.getKey())
                .collect(Collectors.joining(", ")));
        out.println(verdict(report.outcome()) + " (exit code " + report.outcome().exitCode() + ")");
    }

    private static String subject(ProofBundle.Subject subject) {
        List<String> parts = new ArrayList<>();
        if (subject.lot() != null) {
            parts.add("lot " + subject.lot());
        }
        if (subject.gtin() != null) {
            parts.add("GTIN " + subject.gtin());
        }
        if (subject.digitalLink() != null) {
            parts.add(subject.digitalLink());
        }
        return parts.isEmpty() ? "no subject" : String.join(", ", parts);
    }

    private static String marker(CheckResult check) {
        return switch (check.outcome()) {
            case VERIFIED -> "ok";
            case PENDING -> "wait";
            default -> "FAIL";
        };
    }

    private static String verdict(Outcome worst) {
        return switch (worst) {
            case VERIFIED -> "Every record matches its fingerprint, and every fingerprint is anchored on the chain as"
                    + " stated, by a member of the consortium.";
            case PENDING -> "The records match their fingerprints; some are not anchored on the chain yet.";
            case UNREACHABLE -> "The records could not be checked against the chain: the node could not be asked.";
            case NOT_ON_CHAIN, TAMPERED -> "Some records do not match their proofs or are not anchored as stated: do not trust them.";
        };
    }
}
