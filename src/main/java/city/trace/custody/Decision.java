package city.trace.custody;

import java.util.List;

/**
 * Whether an organisation may record an event, and what the event does to stock when it may.
 *
 * @param violations empty when the event may be recorded
 * @param movements  its effect on stock (only when it may be recorded)
 */
public record Decision(List<Violation> violations, List<Movement> movements) {

    public boolean allowed() {
        return violations.isEmpty();
    }

    /** The first rule broken, for a one-line reason. */
    public Violation firstViolation() {
        return violations.get(0);
    }
}
