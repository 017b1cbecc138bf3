package city.trace.epcis.validation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Collects the violations and warnings of one validation: all violations are counted, and the events they belong
 * to are noted, but only the first {@code maxReported} of each kind are kept, so that a hostile document cannot
 * make the report huge. Warnings never make an event invalid.
 */
final class Violations {

    static final int NO_EVENT = -1;

    private final int maxReported;
    private final List<Violation> reported = new ArrayList<>();
    private final List<Integer> reportedEvents = new ArrayList<>();
    private final BitSet invalidEvents = new BitSet();
    private final List<Violation> warnings = new ArrayList<>();
    private int warningCount;
    private int count;
    private int currentEvent = NO_EVENT;

    Violations(int maxReported) {
        this.maxReported = maxReported;
    }

    void add(String pointer, String message) {
        if (count < maxReported) {
            reported.add(new Violation(pointer, message));
            reportedEvents.add(currentEvent);
        }
        count++;
        if (currentEvent != NO_EVENT) {
            invalidEvents.set(currentEvent);
        }
    }

    void warn(String pointer, String message) {
        if (warningCount < maxReported) {
            warnings.add(new Violation(pointer, message));
        }
        warningCount++;
    }

    /** Attributes the violations that follow to the event at this index of the event list. */
    void beginEvent(int index) {
        currentEvent = index;
    }

    void endEvent() {
        currentEvent = NO_EVENT;
    }

    int count() {
        return count;
    }

    ValidationReport report(int eventCount) {
        List<Violation> all = new ArrayList<>(reported);
        List<Integer> events = new ArrayList<>(reportedEvents);
        if (count > maxReported) {
            all.add(new Violation("", (count - maxReported) + " more problems were found but not listed"));
            events.add(NO_EVENT);
        }
        List<Violation> allWarnings = new ArrayList<>(warnings);
        if (warningCount > maxReported) {
            allWarnings.add(new Violation("", (warningCount - maxReported) + " more warnings were found but not listed"));
        }
        return new ValidationReport(all, events, (BitSet) invalidEvents.clone(), eventCount, allWarnings);
    }
}
