package city.trace.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One page of a search: events or lots, newest first unless sorted otherwise, and where the next page starts.
 *
 * @param next the {@code after} parameter of the next page, or null on the last page
 */
public record SearchResults(String view, List<EventRow> events, List<LotRow> lots, String next) {

    /** An event: when and what, the lots it names, where and who recorded it; {@code trace} is its trace page. */
    public record EventRow(String eventId, String type, String action, String bizStep, String disposition,
            String eventTime, String where, String recordedBy, List<LotRef> lots, String trace) {
    }

    /** How many rows the page holds. */
    public int size() {
        return events.size() + lots.size();
    }

    /** The names of the members who recorded the page's events or made its lots. */
    public Set<String> organizations() {
        Set<String> organizations = new TreeSet<>();
        events.forEach(event -> Optional.ofNullable(event.recordedBy()).ifPresent(organizations::add));
        lots.forEach(lot -> Optional.ofNullable(lot.maker()).ifPresent(organizations::add));
        return organizations;
    }

    /** A lot an event names, and its trace page. */
    public record LotRef(String gtin, String lot, String product, String trace) {
    }

    /** A batch: product, lot, maker, where it was made, status, and how many events (that the member may see) name it. */
    public record LotRow(String gtin, String product, String lot, String maker, String site, String city, String status,
            LocalDate produced, long events, String trace) {
    }
}
