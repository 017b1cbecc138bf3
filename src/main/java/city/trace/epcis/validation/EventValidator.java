package city.trace.epcis.validation;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import city.trace.epcis.hash.Namespaces;

/** Validates one event: dispatches on its type to that type's fields and rules. */
final class EventValidator {

    private static final Map<String, ObjectRule> RULES_BY_TYPE = rulesByType();
    private static final String TYPES = Arrays.stream(EventType.values()).map(EventType::typeName)
            .collect(Collectors.joining(", "));
    private static final Set<String> ACTIONS = Set.of(EventType.ADD, EventType.OBSERVE, EventType.DELETE);

    private EventValidator() {
    }

    /**
     * @param documentPrefixes the JSON-LD prefixes the document's {@code @context} declares; an event may add
     *                         its own
     */
    static void check(JsonNode event, ValidationContext context, Map<String, String> documentPrefixes) {
        if (!event.isObject()) {
            context.report("an event must be a JSON object");
            return;
        }
        JsonNode type = event.get("type");
        ObjectRule rule = type != null && type.isTextual() ? RULES_BY_TYPE.get(type.textValue()) : null;
        if (type == null) {
            context.report("type is required: one of " + TYPES);
            return;
        }
        if (rule == null) {
            context.reportAt("type", "type must be one of " + TYPES);
            return;
        }
        Namespaces documentNamespaces = context.namespaces();
        if (event.has("@context")) {
            Map<String, String> prefixes = new HashMap<>(documentPrefixes);
            prefixes.putAll(Namespaces.declaredIn(event.get("@context")));
            context.namespaces(new Namespaces(prefixes));
        }
        context.beginEvent(epochMicros(event.get("eventTime")), action(event.get("action")));
        rule.check(event, context);
        context.namespaces(documentNamespaces);
    }

    private static long epochMicros(JsonNode eventTime) {
        return eventTime != null && eventTime.isTextual() ? DateTimes.epochMicros(eventTime.textValue())
                : DateTimes.INVALID;
    }

    private static String action(JsonNode action) {
        return action != null && action.isTextual() && ACTIONS.contains(action.textValue()) ? action.textValue()
                : null;
    }

    private static Map<String, ObjectRule> rulesByType() {
        Set<String> typeFields = new HashSet<>(Set.of("action"));
        for (EventType type : EventType.values()) {
            typeFields.addAll(type.ownFields().keySet());
        }
        Map<String, Rule> common = EventFields.common();
        Map<String, ObjectRule> rules = new HashMap<>();
        for (EventType type : EventType.values()) {
            ObjectRule.Builder builder = ObjectRule.named(type.typeName())
                    .fields(common)
                    .fields(type.ownFields())
                    .required("eventTime", "eventTimeZoneOffset")
                    .foreignFields(typeFields);
            if (type.hasAction()) {
                builder.field("action", actionRule()).required("action");
            }
            type.constraints().forEach(builder::constraint);
            rules.put(type.typeName(), builder.build());
        }
        return Map.copyOf(rules);
    }

    private static Rule actionRule() {
        return (value, context) -> {
            if (!value.isTextual() || !ACTIONS.contains(value.textValue())) {
                context.report("action must be ADD, OBSERVE or DELETE");
            }
        };
    }
}
