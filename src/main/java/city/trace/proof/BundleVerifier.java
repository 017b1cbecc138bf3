package city.trace.proof;

import java.util.ArrayList;
import java.util.List;

import city.trace.chain.contract.AnchorRecord;
import city.trace.proof.CheckResult.Check;

/**
 * The one verifier of CityTrace's claims, used by the command line, the pages, the proof API and the sweep:
 * every event's record against its fingerprint and proof (offline), then the proof's root against the chain and
 * the account that anchored it against the registry's members in that block, and for readings a device signed,
 * the signature and the key's anchored registration. Plain Java: the app need not run.
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

    /**
     * Checks c and d of fingerprints that are not events' (access log entries): each one against its proof's
     * root, and the root against the chain. The caller recomputes each digest from its record.
     */
    public List<EventReport> verifyLeaves(List<AnchoredLeaf> leaves) {
        ChainChecks chainChecks = new ChainChecks(chain);
        return leaves.stream().map(leaf -> report(leaf.id(), leaf.proof() == null ? List.of()
                : List.of(RecordChecks.proof(leaf.digest(), leaf.proof())), leaf.status(), leaf.proof(), chainChecks))
                .toList();
    }

    /**
     * Checks a to d of the event; for an event a device signed also e and f, which verify its registration entry
     * as an event of its own (sharing the chain's answers).
     */
    private EventReport verify(BundleEvent event, ChainChecks chainChecks) {
        EventReport report = report(event.eventID(), records.check(event), event.status(), event.proof(), chainChecks);
        if (event.device() == null) {
            return report;
        }
        List<CheckResult> checks = new ArrayList<>(report.checks());
        checks.add(DeviceChecks.signature(event));
        checks.add(DeviceChecks.key(event, verify(event.device().registration(), chainChecks)));
        boolean verified = checks.stream().allMatch(CheckResult::isPassed);
        return verified ? new EventReport(event.eventID(), checks, report.anchor(), report.anchoredBy())
                : new EventReport(event.eventID(), checks, null, null);
    }

    private static EventReport report(String id, List<CheckResult> recordChecks, AnchoringStatus status,
            BundleProof proof, ChainChecks chainChecks) {
        List<CheckResult> checks = new ArrayList<>(recordChecks);
        if (proof == null) {
            checks.add(CheckResult.failed(Check.ANCHOR, Outcome.PENDING, "not in an anchored round yet (PENDING)"));
            return new EventReport(id, checks, null, null);
        }
        checks.addAll(chainChecks.check(status, proof));
        if (!checks.stream().allMatch(CheckResult::isPassed)) {
            return new EventReport(id, checks, null, null);
        }
        AnchorRecord anchor = chainChecks.anchorOf(proof).orElseThrow();
        return new EventReport(id, checks, anchor, chainChecks.membershipOf(proof.contract(), anchor).orElseThrow());
    }
}
