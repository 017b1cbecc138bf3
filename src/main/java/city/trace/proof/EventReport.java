package city.trace.proof;

import java.util.List;
import java.util.Optional;

import city.trace.chain.contract.AnchorRecord;

/**
 * The checks of one event, in order, and what they add up to.
 *
 * @param anchor     the anchor the chain holds for the event's root, when every check passed (else null)
 * @param anchoredBy the member that anchored it, as the registry records it in the anchor's block (likewise)
 */
public record EventReport(String eventID, List<CheckResult> checks, AnchorRecord anchor, BundleMember anchoredBy) {

    public EventReport {
        checks = List.copyOf(checks);
    }

    public Outcome outcome() {
        return checks.stream().map(CheckResult::outcome).reduce(Outcome.VERIFIED, Outcome::worse);
    }

    /** The first check that did not pass. */
    public Optional<CheckResult> failure() {
        return checks.stream().filter(check -> !check.isPassed()).findFirst();
    }
}
