package city.trace.verify.bundle;

import java.util.ArrayList;
import java.util.List;

import city.trace.verify.bundle.CheckResult.Check;

/**
 * Verifies every event of a proof bundle: the record against its fingerprint and proof (offline), then the
 * proof's root against the chain node at {@code rpcUrl}. Plain Java: the app need not run.
 */
public final class BundleVerifier implements AutoCloseable {

    private final RecordChecks records = new RecordChecks();
    private final ChainChecks chain;

    public BundleVerifier(String rpcUrl) {
        this.chain = new ChainChecks(rpcUrl);
    }

    public BundleReport verify(ProofBundle bundle) {
        return new BundleReport(bundle.events().stream().map(this::verify).toList());
    }

    private EventReport verify(BundleEvent event) {
        List<CheckResult> checks = new ArrayList<>(records.check(event));
        if (event.proof() == null) {
            checks.add(CheckResult.failed(Check.ANCHOR, Outcome.PENDING, "not in an anchored batch yet (PENDING)"));
        } else {
            checks.addAll(chain.check(event.status(), event.proof()));
        }
        return new EventReport(event.eventID(), checks);
    }

    @Override
    public void close() {
        chain.close();
    }
}
