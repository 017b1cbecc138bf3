package city.trace.epcis.hash;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A standard EPCIS field as the pre-hash sees it: a value, an object of fields, or a wrapped list. */
sealed interface Field {

    /** The name the field has in JSON and in the pre-hash. */
    String name();

    /**
     * A value, or a JSON array of values each written {@code name=value}.
     *
     * @param timestamp  whether values are date-times, written in UTC with milliseconds
     * @param vocabulary the code list whose bare terms the field may use, or null
     */
    record Value(String name, boolean timestamp, Vocabulary vocabulary) implements Field {
    }

    /**
     * A JSON object whose fields are written in the given order after its name (an empty name writes none),
     * or a JSON array of such objects. Keys it does not define are user extensions.
     */
    record Group(String name, List<Field> children, Set<String> childNames) implements Field {
        Group(String name, List<Field> children) {
            this(name, children, children.stream().map(Field::name).collect(Collectors.toUnmodifiableSet()));
        }
    }

    /** A JSON array whose items are written as {@code item} after the list's name, e.g. epcList of epc. */
    record ListOf(String name, Field item) implements Field {
    }

    static Value value(String name) {
        return new Value(name, false, null);
    }

    static Value timestamp(String name) {
        return new Value(name, true, null);
    }

    static Value term(String name, Vocabulary vocabulary) {
        return new Value(name, false, vocabulary);
    }

    static Group group(String name, Field... children) {
        return new Group(name, List.of(children));
    }
}
