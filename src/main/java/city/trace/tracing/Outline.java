package city.trace.tracing;

import java.util.List;
import java.util.Map;

import city.trace.proof.Outcome;

/**
 * A trace before its events are read in full or verified: the identifiers reached, the links, and the IDs of the
 * events shown for them, oldest first. An export reads and verifies those events a page at a time, so that a trace
 * of any size is never held in memory whole; its nodes' outcomes are null until {@link #verified} gives them.
 *
 * @param eventIdsOf the IDs of each node's events, by node
 */
public record Outline(List<String> start, Direction direction, List<Trace.Node> nodes, List<Trace.Link> links,
        List<String> eventIds, Map<String, List<String>> eventIdsOf, boolean truncated) implements TraceShape {

    /**
     * The outline with each node's outcome: the worst of its events' outcomes (by event ID), PENDING when it has
     * none.
     */
    public Outline verified(Map<String, Outcome> outcomes) {
        List<Trace.Node> verified = nodes.stream().map(node -> node.withOutcome(eventIdsOf.getOrDefault(node.id(), List.of())
                .stream().map(id -> outcomes.getOrDefault(id, Outcome.PENDING)).reduce(Outcome::worse)
                .orElse(Outcome.PENDING))).toList();
        return new Outline(start, direction, verified, links, eventIds, eventIdsOf, truncated);
    }
}
