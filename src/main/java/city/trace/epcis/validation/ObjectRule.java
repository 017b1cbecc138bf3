package city.trace.epcis.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON object with named fields, as the EPCIS JSON schema describes one: each known field has its rule,
 * some are required, and other keys are extensions (namespaced, e.g. {@code example:batch}) where the
 * standard allows them, and errors everywhere else. Constraints that tie fields together run last.
 */
final class ObjectRule implements Rule {

    /** How keys that are no standard field of the object are treated. */
    enum Extensions {
        /** Only namespaced keys, each an extension whose value is checked as such. */
        NAMESPACED,
        /**
         * Namespaced keys as extensions, and other keys with a warning: where GS1's JSON schema names no
         * closed set of keys (sensor metadata and reports) or GS1's own examples add one (a document's
         * {@code implements}).
         */
        OPEN,
        /** None at all: the XML binding has no place for them either. */
        NONE,
        /** Any key, unchecked: parts the capture does not interpret, such as master data. */
        ANY
    }

    private final String name;
    private final Map<String, Rule> fields;
    private final List<String> required;
    private final Extensions extensions;
    private final Set<String> foreignFields;
    private final List<Constraint> constraints;

    private ObjectRule(Builder builder) {
        this.name = builder.name;
        this.fields = Map.copyOf(builder.fields);
        this.required = List.copyOf(builder.required);
        this.extensions = builder.extensions;
        this.foreignFields = Set.copyOf(builder.foreignFields);
        this.constraints = List.copyOf(builder.constraints);
    }

    /**
     * @param name how messages call the object, e.g. "readPoint" or "ObjectEvent"
     */
    static Builder named(String name) {
        return new Builder(name);
    }

    @Override
    public void check(JsonNode value, ValidationContext context) {
        if (!value.isObject()) {
            context.report(name + " must be a JSON object");
            return;
        }
        for (Map.Entry<String, JsonNode> property : value.properties()) {
            String key = property.getKey();
            Rule rule = fields.get(key);
            context.enter(key);
            if (rule != null) {
                rule.check(property.getValue(), context);
            } else {
                checkOtherKey(key, property.getValue(), context);
            }
            context.leave();
        }
        for (String field : required) {
            if (!value.has(field)) {
                context.report(field + " is required");
            }
        }
        for (Constraint constraint : constraints) {
            constraint.check(value, context);
        }
    }

    private void checkOtherKey(String key, JsonNode value, ValidationContext context) {
        if (extensions == Extensions.ANY) {
            return;
        }
        if (foreignFields.contains(key)) {
            context.report(key + " is not a field of " + name);
        } else if (extensions == Extensions.NONE) {
            context.report("unexpected field '" + key + "': " + name + " has only " + String.join(", ",
                    fields.keySet().stream().sorted().toList()));
        } else if (Uris.isNamespaced(key)) {
            ExtensionValues.check(value, context);
        } else if (extensions == Extensions.OPEN) {
            context.warn("'" + key + "' is not a field of " + name + " in EPCIS 2.0; extension fields usually have a "
                    + "namespace prefix, e.g. example:" + key);
        } else {
            context.report("unknown field '" + key + "': extension fields need a namespace prefix, e.g. example:"
                    + key);
        }
    }

    static final class Builder {
        private final String name;
        private final Map<String, Rule> fields = new HashMap<>();
        private final List<String> required = new ArrayList<>();
        private Extensions extensions = Extensions.NAMESPACED;
        private final List<String> foreignFields = new ArrayList<>();
        private final List<Constraint> constraints = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        Builder field(String field, Rule rule) {
            fields.put(field, rule);
            return this;
        }

        Builder fields(Map<String, Rule> more) {
            fields.putAll(more);
            return this;
        }

        Builder required(String... names) {
            required.addAll(List.of(names));
            return this;
        }

        Builder extensions(Extensions allowed) {
            extensions = allowed;
            return this;
        }

        /** Fields the standard defines elsewhere (e.g. for other event types), reported as misplaced. */
        Builder foreignFields(Set<String> names) {
            foreignFields.addAll(names);
            return this;
        }

        Builder constraint(Constraint constraint) {
            constraints.add(constraint);
            return this;
        }

        ObjectRule build() {
            return new ObjectRule(this);
        }
    }
}
