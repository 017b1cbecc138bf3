package city.trace.epcis.validation;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import city.trace.epcis.validation.ObjectRule.Extensions;

/**
 * The two document types of the JSON binding (GS1 EPCIS JSON schema): an EPCISDocument carries its events in
 * {@code epcisBody.eventList}, an EPCISQueryDocument in {@code epcisBody.queryResults.resultsBody.eventList}.
 */
final class DocumentRules {

    static final String DOCUMENT = "EPCISDocument";
    static final String QUERY_DOCUMENT = "EPCISQueryDocument";

    /** Master data is stored as given, not interpreted: only its outline is checked. */
    private static final ObjectRule VOCABULARY = ObjectRule.named("vocabulary")
            .field("type", Rules.string("type"))
            .field("vocabularyElementList", Rules.arrayOf("vocabularyElementList", ObjectRule.named("vocabulary element")
                    .field("id", Rules.string("id"))
                    .required("id")
                    .extensions(Extensions.ANY)
                    .build()))
            .required("type")
            .extensions(Extensions.ANY)
            .build();

    private static final ObjectRule HEADER = ObjectRule.named("epcisHeader")
            .field("epcisMasterData", ObjectRule.named("epcisMasterData")
                    .field("vocabularyList", Rules.arrayOf("vocabularyList", VOCABULARY))
                    .extensions(Extensions.ANY)
                    .build())
            .build();

    private DocumentRules() {
    }

    /**
     * The rule of a document of the given type, whose event lists are checked by {@code eventList}.
     *
     * @param documentType {@link #DOCUMENT} or {@link #QUERY_DOCUMENT}
     */
    static ObjectRule document(String documentType, Rule eventList) {
        boolean query = documentType.equals(QUERY_DOCUMENT);
        ObjectRule.Builder document = ObjectRule.named(documentType)
                .fields(Map.of(
                        "@context", Rules.context("@context"),
                        "id", Rules.nodeId("id"),
                        "type", DocumentRules::checkType,
                        "schemaVersion", DocumentRules::checkSchemaVersion,
                        "creationDate", Rules.dateTime("creationDate"),
                        "instanceIdentifier", Rules.string("instanceIdentifier"),
                        "sender", Rules.string("sender"),
                        "receiver", Rules.string("receiver"),
                        "epcisHeader", HEADER,
                        "epcisBody", query ? queryBody(eventList) : body(eventList)))
                .extensions(ObjectRule.Extensions.OPEN);
        // the JSON schema requires schemaVersion and creationDate of EPCISDocuments only
        return (query ? document.required("@context", "type", "epcisBody")
                : document.required("@context", "type", "schemaVersion", "creationDate", "epcisBody")).build();
    }

    /** The event list of a document of the given type, or null when it has none. */
    static JsonNode eventList(JsonNode document, String documentType) {
        JsonNode body = document.path("epcisBody");
        JsonNode list = documentType.equals(QUERY_DOCUMENT) ? body.path("queryResults").path("resultsBody")
                .path("eventList") : body.path("eventList");
        return list.isArray() ? list : null;
    }

    private static ObjectRule body(Rule eventList) {
        return ObjectRule.named("epcisBody").field("eventList", eventList).required("eventList").build();
    }

    private static ObjectRule queryBody(Rule eventList) {
        ObjectRule resultsBody = ObjectRule.named("resultsBody")
                .field("eventList", eventList)
                .field("vocabularyList", Rules.arrayOf("vocabularyList", VOCABULARY))
                .required("eventList")
                .build();
        ObjectRule queryResults = ObjectRule.named("queryResults")
                .field("queryName", Rules.string("queryName"))
                .field("subscriptionID", Rules.string("subscriptionID"))
                .field("resultsBody", resultsBody)
                .required("queryName", "resultsBody")
                .build();
        return ObjectRule.named("epcisBody").field("queryResults", queryResults).required("queryResults").build();
    }

    private static void checkType(JsonNode value, ValidationContext context) {
        if (!value.isTextual() || !(value.textValue().equals(DOCUMENT) || value.textValue().equals(QUERY_DOCUMENT))) {
            context.report("type must be " + DOCUMENT + " or " + QUERY_DOCUMENT);
        }
    }

    /** EPCIS 2.0 documents say "2.0"; a patch level ("2.0.1") is accepted as the same schema. */
    private static void checkSchemaVersion(JsonNode value, ValidationContext context) {
        String version = value.isTextual() ? value.textValue() : "";
        boolean valid = version.equals("2.0") || version.startsWith("2.0.") && version.length() > 4
                && version.substring(4).chars().allMatch(c -> c >= '0' && c <= '9');
        if (!valid) {
            context.report("schemaVersion must be the string \"2.0\"");
        }
    }
}
