package city.trace.verify.bundle;

import java.util.List;

/** The checks of one event, in order, and what they add up to. */
public record EventReport(String eventID, List<CheckResult> checks) {

    public EventReport {
        checks = List.copyOf(checks);
    }

    public Outcome outcome() {
        return checks.stream().map(CheckResult::outcome).reduce(Outcome.VERIFIED, Outcome::worse);
    }
}
