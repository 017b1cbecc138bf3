package city.trace.proof;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The verdict on every event of a bundle. */
public record BundleReport(List<EventReport> events) {

    public BundleReport {
        events = List.copyOf(events);
    }

    /** The worst outcome of any event. */
    public Outcome outcome() {
        return events.stream().map(EventReport::outcome).reduce(Outcome.VERIFIED, Outcome::worse);
    }

    /** How many events have each outcome, in the order of {@link Outcome}; outcomes no event has are left out. */
    public Map<Outcome, Long> counts() {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        events.forEach(event -> counts.merge(event.outcome(), 1L, Long::sum));
        return counts;
    }
}
