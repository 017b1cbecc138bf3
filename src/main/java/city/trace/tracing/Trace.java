package city.trace.tracing;

import java.time.Instant;
import java.util.List;

import city.trace.proof.Outcome;
import city.trace.verify.Verification;

/**
 * Where lots came from or went: the identifiers (lots, items, logistic units) a walk from the start reached, the
 * links between them, and every event shown for them, each verified by the one verifier.
 *
 * @param start     the identifiers the trace started from (canonical Digital Links)
 * @param nodes     in the order reached: the start first, then by distance
 * @param links     from upstream to downstream, whichever way the trace walked
 * @param events     the events of the nodes that their recorders were entitled to record, oldest first: the
 *                   first {@link TraceConfig#maxListedEvents()} of them
 * @param eventCount how many such events there are in all, each verified for its nodes' outcomes
 * @param claims    events about the nodes that break the recording rules: shown apart, not followed
 * @param truncated whether the walk stopped at the configured number of nodes before reaching every one
 */
public record Trace(List<String> start, Direction direction, List<Node> nodes, List<Link> links, List<Step> events,
        int eventCount, List<Step> claims, boolean truncated) implements TraceShape {

    /**
     * A lot, item or logistic unit on the trace.
     *
     * @param id            canonical Digital Link (or the identifier as events name it, when it is no GS1 key)
     * @param distance      links from the start
     * @param owner         the member owning its GS1 company prefix, or null
     * @param organizations the members whose events or sites it passed
     * @param cities        the cities of those sites
     * @param outcome       the worst verification outcome of its events (PENDING when it has none; null in an
     *                      {@link Outline} not yet verified)
     */
    public record Node(String id, String label, String kind, int distance, String owner, List<String> organizations,
            List<String> cities, boolean recalled, Outcome outcome) {

        Node withOutcome(Outcome outcome) {
            return new Node(id, label, kind, distance, owner, organizations, cities, recalled, outcome);
        }
    }

    /** A transformation or packing that made {@code to} from {@code from} (or put {@code from} into it). */
    public record Link(String from, String to, String eventId, String kind) {
    }

    /**
     * One event: what happened, when, where, who recorded it, which traced identifiers it names, and what the
     * verifier found.
     *
     * @param where        "site, city" of a member's site, else the location identifier, or null
     * @param identifiers  the traced identifiers it names
     * @param brokenRule   for a claim, the recording rule it breaks; null otherwise
     */
    public record Step(String eventId, String hash, String type, String action, String bizStep, String disposition,
            Instant eventTime, String eventTimeZoneOffset, String where, String city, String recordedBy,
            List<String> sources, List<String> destinations, List<String> documents, List<String> identifiers,
            String brokenRule, Verification verification) {
    }
}
