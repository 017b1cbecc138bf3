package city.trace.epcis.validation;

import static city.trace.epcis.validation.Rules.arrayOf;
import static city.trace.epcis.validation.Rules.dateTime;
import static city.trace.epcis.validation.Rules.identifier;
import static city.trace.epcis.validation.Rules.term;
import static city.trace.epcis.validation.Rules.uri;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import city.trace.epcis.validation.Identifiers.Role;
import city.trace.epcis.validation.ObjectRule.Extensions;

/** The fields that several event types share, and the structures inside them (EPCIS 2.0 section 7.3). */
final class EventFields {

    static final ObjectRule QUANTITY_ELEMENT = ObjectRule.named("quantity element")
            .field("epcClass", identifier("epcClass", Role.CLASS))
            .field("quantity", Rules.nonNegativeNumber("quantity"))
            .field("uom", Rules.uom("uom"))
            .required("epcClass")
            .extensions(Extensions.NONE)
            // without a quantity the amount is unknown, and a unit of nothing means nothing
            .constraint((element, context) -> {
                if (element.has("uom") && !element.has("quantity")) {
                    context.reportAt("uom", "uom requires a quantity");
                }
            })
            .build();

    /** Keys of the ILMD, all user-defined: only namespaced ones are allowed. */
    static final ObjectRule ILMD = ObjectRule.named("ilmd").build();

    private static final ObjectRule BUSINESS_TRANSACTION = ObjectRule.named("business transaction")
            .field("type", term("type", TermField.BUSINESS_TRANSACTION_TYPE))
            .field("bizTransaction", uri("bizTransaction"))
            .required("bizTransaction")
            .extensions(Extensions.NONE)
            .build();

    private static final ObjectRule PERSISTENT_DISPOSITION = ObjectRule.named("persistentDisposition")
            .field("set", arrayOf("set", term("set value", TermField.DISPOSITION)))
            .field("unset", arrayOf("unset", term("unset value", TermField.DISPOSITION)))
            .constraint((disposition, context) -> {
                if (!isNonEmptyArray(disposition, "set") && !isNonEmptyArray(disposition, "unset")) {
                    context.warn("persistentDisposition sets and unsets nothing");
                }
            })
            .build();

    private static final ObjectRule ERROR_DECLARATION = ObjectRule.named("errorDeclaration")
            .field("declarationTime", dateTime("declarationTime"))
            .field("reason", term("reason", TermField.ERROR_REASON))
            .field("correctiveEventIDs", arrayOf("correctiveEventIDs", Rules.eventId("correctiveEventIDs entry")))
            .required("declarationTime")
            .build();

    private EventFields() {
    }

    /** The fields every event type has, the {@code type} itself included (checked before). */
    static Map<String, Rule> common() {
        Map<String, Rule> fields = new HashMap<>();
        fields.put("@context", Rules.context("@context"));
        fields.put("type", Rules.ANYTHING);
        fields.put("eventID", Rules.eventId("eventID"));
        fields.put("eventTime", dateTime("eventTime"));
        fields.put("recordTime", dateTime("recordTime"));
        fields.put("eventTimeZoneOffset", Rules.timeZoneOffset("eventTimeZoneOffset"));
        fields.put("errorDeclaration", ERROR_DECLARATION);
        fields.put("certificationInfo", Rules.uriOrUris("certificationInfo"));
        fields.put("bizStep", term("bizStep", TermField.BUSINESS_STEP));
        fields.put("disposition", term("disposition", TermField.DISPOSITION));
        fields.put("persistentDisposition", PERSISTENT_DISPOSITION);
        fields.put("readPoint", location("readPoint"));
        fields.put("bizLocation", location("bizLocation"));
        fields.put("bizTransactionList", arrayOf("bizTransactionList", BUSINESS_TRANSACTION));
        fields.put("sourceList", arrayOf("sourceList", sourceOrDestination("source")));
        fields.put("destinationList", arrayOf("destinationList", sourceOrDestination("destination")));
        fields.put("sensorElementList", arrayOf("sensorElementList", SensorRules.SENSOR_ELEMENT));
        return fields;
    }

    /** A list of instance-level identifiers, e.g. epcList or childEPCs. */
    static Rule epcs(String list) {
        return arrayOf(list, identifier(list + " entry", Role.INSTANCE));
    }

    static Rule quantities(String list) {
        return arrayOf(list, QUANTITY_ELEMENT);
    }

    static boolean isNonEmptyArray(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.isArray() && !value.isEmpty();
    }

    private static ObjectRule location(String name) {
        return ObjectRule.named(name)
                .field("id", identifier(name + " id", Role.LOCATION))
                .required("id")
                .build();
    }

    private static ObjectRule sourceOrDestination(String name) {
        return ObjectRule.named(name)
                .field("type", term("type", TermField.SOURCE_DESTINATION_TYPE))
                .field(name, uri(name))
                .required("type", name)
                .extensions(Extensions.NONE)
                .build();
    }
}
