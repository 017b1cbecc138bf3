package city.trace.tracing;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** What a trace and its outline have alike: the identifiers reached from the start and the links between them. */
public interface TraceShape {

    /** The identifiers the trace started from (canonical Digital Links). */
    List<String> start();

    Direction direction();

    /** In the order reached: the start first, then by distance. */
    List<Trace.Node> nodes();

    /** From upstream to downstream, whichever way the trace walked. */
    List<Trace.Link> links();

    /** Whether the walk stopped at the configured number of nodes before reaching every one. */
    boolean truncated();

    default Trace.Node node(String id) {
        return nodes().stream().filter(node -> node.id().equals(id)).findFirst().orElse(null);
    }

    /** The names of the members whose lots, sites or events the trace holds. */
    default Set<String> organizations() {
        Set<String> organizations = new TreeSet<>();
        nodes().forEach(node -> {
            organizations.addAll(node.organizations());
            Optional.ofNullable(node.owner()).ifPresent(organizations::add);
        });
        return organizations;
    }

    default long organizationCount() {
        return nodes().stream().flatMap(node -> node.organizations().stream()).distinct().count();
    }

    default long cityCount() {
        return nodes().stream().flatMap(node -> node.cities().stream()).distinct().count();
    }
}
