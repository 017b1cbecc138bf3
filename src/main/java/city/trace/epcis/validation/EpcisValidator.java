package city.trace.epcis.validation;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import city.trace.epcis.hash.Namespaces;

/**
 * Validates EPCIS 2.0 documents in the JSON-LD binding against the EPCIS 2.0 standard and GS1's JSON schema,
 * reporting every problem with the JSON pointer of the offending value. An event it accepts can be hashed by
 * {@link city.trace.epcis.hash.EventHasher}. Stateless and thread-safe.
 */
public final class EpcisValidator {

    /** How many violations a report lists at most; one more says how many were left out. */
    public static final int DEFAULT_MAX_REPORTED = 1000;

    private final int maxReported;

    public EpcisValidator() {
        this(DEFAULT_MAX_REPORTED);
    }

    public EpcisValidator(int maxReported) {
        if (maxReported < 1) {
            throw new IllegalArgumentException("maxReported must be at least 1");
        }
        this.maxReported = maxReported;
    }

    /** All problems of an EPCISDocument or EPCISQueryDocument; empty when it is valid. */
    public List<Violation> validateDocument(JsonNode document) {
        return validate(document).violations();
    }

    /** Validates a document and tells, besides all problems, which of its events are valid. */
    public ValidationReport validate(JsonNode document) {
        Violations violations = new Violations(maxReported);
        if (document == null || !document.isObject()) {
            violations.add("", "an EPCIS document must be a JSON object");
            return violations.report(0);
        }
        Map<String, String> prefixes = Namespaces.declaredIn(document.get("@context"));
        ValidationContext context = new ValidationContext(new JsonPath(""), violations, new Namespaces(prefixes));
        String documentType = documentType(document);
        Rule eventList = Rules.arrayOf("eventList", (event, index, eventContext) -> {
            violations.beginEvent(index);
            EventValidator.check(event, eventContext, prefixes);
            violations.endEvent();
        });
        DocumentRules.document(documentType, eventList).check(document, context);
        JsonNode events = DocumentRules.eventList(document, documentType);
        return violations.report(events == null ? 0 : events.size());
    }

    /**
     * The problems of a single event, e.g. one captured on its own; its {@code @context}, if any, declares its
     * prefixes.
     *
     * @param pointer the JSON pointer of the event, prefixed to the pointers of its violations ("" for the root)
     */
    public List<Violation> validateEvent(JsonNode event, String pointer) {
        Violations violations = new Violations(maxReported);
        Map<String, String> prefixes = event == null ? Map.of() : Namespaces.declaredIn(event.get("@context"));
        ValidationContext context = new ValidationContext(new JsonPath(pointer), violations, new Namespaces(prefixes));
        if (event == null) {
            context.report("an event must be a JSON object");
        } else {
            EventValidator.check(event, context, prefixes);
        }
        return violations.report(0).violations();
    }

    /** The declared type, or the one the body's shape suggests, so that the events are checked regardless. */
    private static String documentType(JsonNode document) {
        String type = document.path("type").asText("");
        if (type.equals(DocumentRules.DOCUMENT) || type.equals(DocumentRules.QUERY_DOCUMENT)) {
            return type;
        }
        return document.path("epcisBody").has("queryResults") ? DocumentRules.QUERY_DOCUMENT : DocumentRules.DOCUMENT;
    }
}
