package city.trace.epcis.validation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The outcome of validating an EPCIS document: the violations in document order (at most the validator's
 * maximum, then one saying how many more were found) and, for the capture's "proceed" mode, which events
 * are valid. An event counts as invalid when any violation lies within it, listed or not. Warnings are what the
 * standard allows but is likely a mistake (a sensor reading later than its event); they refuse nothing.
 */
public final class ValidationReport {

    private final List<Violation> violations;
    private final List<Integer> eventOfViolation;
    private final BitSet invalidEvents;
    private final int eventCount;
    private final List<Violation> warnings;

    ValidationReport(List<Violation> violations, List<Integer> eventOfViolation, BitSet invalidEvents,
            int eventCount, List<Violation> warnings) {
        this.violations = List.copyOf(violations);
        this.eventOfViolation = List.copyOf(eventOfViolation);
        this.invalidEvents = invalidEvents;
        this.eventCount = eventCount;
        this.warnings = List.copyOf(warnings);
    }

    /** True when nothing is wrong with the document or any of its events. */
    public boolean isValid() {
        return violations.isEmpty();
    }

    /** All violations, in the order they were found. */
    public List<Violation> violations() {
        return violations;
    }

    /** What the standard allows but looks wrong, in document order; never a reason to refuse. */
    public List<Violation> warnings() {
        return warnings;
    }

    /** The violations outside the event list: of the document itself, its header or body structure. */
    public List<Violation> documentViolations() {
        return violationsOf(Violations.NO_EVENT);
    }

    /** How many entries the event list has (0 when there is none). */
    public int eventCount() {
        return eventCount;
    }

    public boolean isEventValid(int index) {
        return !invalidEvents.get(index);
    }

    /** The indexes in the event list of the events with violations, ascending. */
    public List<Integer> invalidEventIndexes() {
        return invalidEvents.stream().boxed().toList();
    }

    /** The listed violations within the event at this index of the event list. */
    public List<Violation> eventViolations(int index) {
        return violationsOf(index);
    }

    private List<Violation> violationsOf(int event) {
        List<Violation> selected = new ArrayList<>();
        for (int i = 0; i < violations.size(); i++) {
            if (eventOfViolation.get(i) == event) {
                selected.add(violations.get(i));
            }
        }
        return selected;
    }
}
