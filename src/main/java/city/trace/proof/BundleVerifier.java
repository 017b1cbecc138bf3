package city.trace.proof;

import java.util.ArrayList;
import java.util.List;

import city.trace.proof.CheckResult.Check;

/**
 * The one verifier of CityTrace's claims, used by the command line, the pages, the proof API and the sweep:
 * every event's record against its fingerprint and proof (offline), then the proof's root against the chain.
 * Plain Java: the app need not run.
 */
public final class BundleVerifier {

    private final RecordChecks records = new RecordChecks();
    private final ChainView chain;

    public BundleVerifier(ChainView chain) {
        this.chain = chain;
    }

    public BundleReport verify(ProofBundle bundle) {
        return verify(bundle.events());
    }

    /** The report of each event, in order; the chain is asked once per distinct root. */
    public BundleReport verify(List<BundleEvent> events) {
        ChainChecks chainChecks = new ChainChecks(chain);
        return new BundleReport(events.stream().map(event -> verify(event, chainChecks)).toList());
    }

    private EventReport verify(BundleEvent event, ChainChecks chainChecks) {
        List<CheckResult> checks = new ArrayList<>(records.check(event));
        if (event.proof() == null) {
            checks.add(CheckResult.failed(Check.ANCHOR, Outcome.PENDING, "not in an anchored round yet (PENDING)"));
            return new EventReport(event.eventID(), checks, null);
        }
        checks.addAll(chainChecks.check(event.status(), event.proof()));
        boolean verified = checks.stream().allMatch(CheckResult::isPassed);
        return new EventReport(event.eventID(), checks, verified ? chainChecks.anchorOf(event.proof()).orElseThrow() : null);
    }
}
