package city.trace.epcis.validation;

import static city.trace.epcis.validation.EventFields.epcs;
import static city.trace.epcis.validation.EventFields.isNonEmptyArray;
import static city.trace.epcis.validation.EventFields.quantities;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The five EPCIS 2.0 event types (section 7.4): the fields each adds to the common ones, whether it has an
 * action, and the rules of the standard and of GS1's JSON schema on which of its fields it must have.
 */
enum EventType {
    OBJECT("ObjectEvent", true,
            Map.of("epcList", epcs("epcList"), "quantityList", quantities("quantityList"), "ilmd", EventFields.ILMD),
            List.of(EventType::checkObjectWhat, EventType::checkIlmdOnlyWhenAdding)),
    AGGREGATION("AggregationEvent", true, parentAndChildren(),
            List.of(EventType::checkParentUnlessObserving, EventType::checkChildrenUnlessDeleting)),
    ASSOCIATION("AssociationEvent", true, parentAndChildren(),
            List.of(EventType::checkParentUnlessObserving, EventType::checkChildrenUnlessDeleting)),
    TRANSACTION("TransactionEvent", true,
            Map.of("parentID", parentId(), "epcList", epcs("epcList"), "quantityList", quantities("quantityList")),
            List.of(EventType::checkBusinessTransactions, EventType::checkTransactionWhat)),
    TRANSFORMATION("TransformationEvent", false,
            Map.of("inputEPCList", epcs("inputEPCList"), "inputQuantityList", quantities("inputQuantityList"),
                    "outputEPCList", epcs("outputEPCList"), "outputQuantityList", quantities("outputQuantityList"),
                    "transformationID", Rules.uri("transformationID"), "ilmd", EventFields.ILMD),
            List.of(EventType::checkInputsAndOutputs));

    static final String ADD = "ADD";
    static final String OBSERVE = "OBSERVE";
    static final String DELETE = "DELETE";

    private final String typeName;
    private final boolean hasAction;
    private final Map<String, Rule> ownFields;
    private final List<Constraint> constraints;

    EventType(String typeName, boolean hasAction, Map<String, Rule> ownFields, List<Constraint> constraints) {
        this.typeName = typeName;
        this.hasAction = hasAction;
        this.ownFields = ownFields;
        this.constraints = constraints;
    }

    String typeName() {
        return typeName;
    }

    boolean hasAction() {
        return hasAction;
    }

    /** The fields this type has beyond those of every event (action excluded). */
    Map<String, Rule> ownFields() {
        return ownFields;
    }

    List<Constraint> constraints() {
        return constraints;
    }

    private static Map<String, Rule> parentAndChildren() {
        return Map.of("parentID", parentId(), "childEPCs", epcs("childEPCs"),
                "childQuantityList", quantities("childQuantityList"));
    }

    private static Rule parentId() {
        return Rules.identifier("parentID", Identifiers.Role.INSTANCE);
    }

    /** GS1 JSON schema: an ObjectEvent has an epcList, a non-empty quantityList, or sensor data at a readPoint. */
    private static void checkObjectWhat(JsonNode event, ValidationContext context) {
        boolean sensorsAtReadPoint = isNonEmptyArray(event, "sensorElementList") && event.has("readPoint");
        if (!event.has("epcList") && !isNonEmptyArray(event, "quantityList") && !sensorsAtReadPoint) {
            context.report("an ObjectEvent needs an epcList, a non-empty quantityList, or a non-empty "
                    + "sensorElementList with a readPoint");
        }
    }

    /** ILMD describes objects that the event brings into being: only with action ADD. */
    private static void checkIlmdOnlyWhenAdding(JsonNode event, ValidationContext context) {
        String action = context.action();
        if (event.has("ilmd") && action != null && !action.equals(ADD)) {
            context.reportAt("ilmd", "ilmd is only allowed when action is ADD");
        }
    }

    /** EPCIS 7.4.3 and 7.4.6: parentID is optional when action is OBSERVE and required otherwise. */
    private static void checkParentUnlessObserving(JsonNode event, ValidationContext context) {
        String action = context.action();
        if (!event.has("parentID") && action != null && !action.equals(OBSERVE)) {
            context.report("parentID is required when action is " + action);
        }
    }

    /** EPCIS 7.4.3 and 7.4.6: children may be left out only when action is DELETE (all are removed). */
    private static void checkChildrenUnlessDeleting(JsonNode event, ValidationContext context) {
        String action = context.action();
        if (action != null && !action.equals(DELETE) && !isNonEmptyArray(event, "childEPCs")
                && !isNonEmptyArray(event, "childQuantityList")) {
            context.report("with action " + action + ", a non-empty childEPCs or childQuantityList is required");
        }
    }

    /** EPCIS 7.4.4: a TransactionEvent names at least one business transaction. */
    private static void checkBusinessTransactions(JsonNode event, ValidationContext context) {
        JsonNode transactions = event.get("bizTransactionList");
        if (transactions == null) {
            context.report("bizTransactionList is required");
        } else if (transactions.isArray() && transactions.isEmpty()) {
            context.reportAt("bizTransactionList", "bizTransactionList must name at least one business transaction");
        }
    }

    /** GS1 JSON schema: unless action is DELETE, a TransactionEvent has an epcList or a quantityList. */
    private static void checkTransactionWhat(JsonNode event, ValidationContext context) {
        String action = context.action();
        if (action != null && !action.equals(DELETE) && !event.has("epcList")
                && !isNonEmptyArray(event, "quantityList")) {
            context.report("with action " + action + ", an epcList or a non-empty quantityList is required");
        }
    }

    /** EPCIS 7.4.5: inputs and outputs, unless a transformationID ties this event to others. */
    private static void checkInputsAndOutputs(JsonNode event, ValidationContext context) {
        boolean inputs = isNonEmptyArray(event, "inputEPCList") || isNonEmptyArray(event, "inputQuantityList");
        boolean outputs = isNonEmptyArray(event, "outputEPCList") || isNonEmptyArray(event, "outputQuantityList");
        boolean partOfTransformation = event.has("transformationID") && (inputs || outputs);
        if (!(inputs && outputs) && !partOfTransformation) {
            context.report("a TransformationEvent needs inputs (inputEPCList or inputQuantityList) and outputs "
                    + "(outputEPCList or outputQuantityList); with a transformationID, either is enough");
        }
    }
}
