package city.trace.tracing;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import jakarta.ws.rs.BadRequestException;

import city.trace.epcis.IdentifierRole;

/**
 * Which way a trace walks the links events make between identifiers: a transformation links its inputs to its
 * outputs, an aggregation (packing, not unpacking) its children to their parent.
 */
public enum Direction {
    /** To everything a lot was made of or packed from, and their origins. */
    BACKWARD(EnumSet.of(IdentifierRole.OUTPUT, IdentifierRole.OUTPUT_CLASS, IdentifierRole.PARENT),
            EnumSet.of(IdentifierRole.INPUT, IdentifierRole.INPUT_CLASS, IdentifierRole.CHILD, IdentifierRole.CHILD_CLASS)),
    /** To everything made from a lot or packed with it, and everywhere those went. */
    FORWARD(EnumSet.of(IdentifierRole.INPUT, IdentifierRole.INPUT_CLASS, IdentifierRole.CHILD, IdentifierRole.CHILD_CLASS),
            EnumSet.of(IdentifierRole.OUTPUT, IdentifierRole.OUTPUT_CLASS, IdentifierRole.PARENT));

    /** The roles a traced identifier has in an event the walk goes on through. */
    final Set<IdentifierRole> from;
    /** The roles of the identifiers it goes on to. */
    final Set<IdentifierRole> to;
    /**
     * The roles in which a traced identifier names an event the walk reads: all but the transformation's side it
     * came from (only transformations name inputs and outputs, and a transformation that used a lot is no step
     * of its backward trace, nor one that made it of its forward trace). A flour lot's backward trace so reads
     * its own events, not the 200 bread lots' transformations that name it as an input.
     */
    final Set<IdentifierRole> read;

    Direction(Set<IdentifierRole> from, Set<IdentifierRole> to) {
        this.from = from;
        this.to = to;
        this.read = EnumSet.allOf(IdentifierRole.class);
        to.stream().filter(role -> IdentifierRole.INPUTS.contains(role) || IdentifierRole.OUTPUTS.contains(role))
                .forEach(read::remove);
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** From a request's {@code direction} parameter; backward when absent. */
    public static Direction of(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return BACKWARD;
        }
        for (Direction direction : values()) {
            if (direction.code().equals(parameter.strip().toLowerCase(Locale.ROOT))) {
                return direction;
            }
        }
        throw new BadRequestException("direction must be backward or forward, not \"" + parameter + "\"");
    }
}
