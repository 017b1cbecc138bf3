package city.trace.epcis.validation;

import static city.trace.epcis.validation.Rules.dateTime;
import static city.trace.epcis.validation.Rules.number;
import static city.trace.epcis.validation.Rules.uri;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sensor elements (EPCIS 2.0 section 7.3.5.5): their metadata and reports. The field types are the standard's;
 * the checks between fields and against the event's eventTime (a reading after its event, a deviation without a
 * mean) are warnings: GS1's own examples break them, and neither the JSON schema nor a SHALL forbids it.
 */
final class SensorRules {

    /** Attributes that a sensor element usually gives either in its metadata or in its reports. */
    private static final List<String> METADATA_OR_REPORT = List.of("deviceID", "deviceMetadata", "rawData",
            "dataProcessingMethod", "time");
    private static final List<String> VALUES_WITH_UNIT = List.of("value", "minValue", "maxValue", "meanValue",
            "percValue");

    private static final ObjectRule SENSOR_METADATA = ObjectRule.named("sensorMetadata")
            .fields(observationFields())
            .field("startTime", dateTime("startTime"))
            .field("endTime", dateTime("endTime"))
            .field("bizRules", uri("bizRules"))
            .extensions(ObjectRule.Extensions.OPEN)
            .constraint(SensorRules::checkObservationTimes)
            .build();

    private static final ObjectRule SENSOR_REPORT = ObjectRule.named("sensorReport")
            .field("type", Rules.term("type", TermField.MEASUREMENT_TYPE))
            .field("exception", Rules.term("exception", TermField.SENSOR_ALERT))
            .fields(observationFields())
            .field("microorganism", uri("microorganism"))
            .field("chemicalSubstance", uri("chemicalSubstance"))
            .field("value", number("value"))
            .field("component", Rules.term("component", TermField.COMPONENT))
            .field("stringValue", Rules.string("stringValue"))
            .field("booleanValue", Rules.bool("booleanValue"))
            .field("hexBinaryValue", Rules.hexBinary("hexBinaryValue"))
            .field("uriValue", uri("uriValue"))
            .field("minValue", number("minValue"))
            .field("maxValue", number("maxValue"))
            .field("meanValue", number("meanValue"))
            .field("sDev", number("sDev"))
            .field("percRank", number("percRank"))
            .field("percValue", number("percValue"))
            .field("uom", Rules.uom("uom"))
            .field("coordinateReferenceSystem", uri("coordinateReferenceSystem"))
            .extensions(ObjectRule.Extensions.OPEN)
            .constraint(SensorRules::checkObservationTimes)
            .constraint(SensorRules::checkReportFields)
            .build();

    static final ObjectRule SENSOR_ELEMENT = ObjectRule.named("sensorElement")
            // the JSON-LD node type GS1's examples give: "type": "epcis:SensorElement"
            .field("type", Rules.string("type"))
            .field("sensorMetadata", SENSOR_METADATA)
            .field("sensorReport", Rules.arrayOf("sensorReport", SENSOR_REPORT))
            .required("sensorReport")
            .constraint(SensorRules::checkElement)
            .build();

    private SensorRules() {
    }

    /** The attributes of an observation that metadata and reports share: when and with which device. */
    private static Map<String, Rule> observationFields() {
        Map<String, Rule> fields = new HashMap<>();
        for (String field : METADATA_OR_REPORT) {
            fields.put(field, field.equals("time") ? dateTime(field) : uri(field));
        }
        return fields;
    }

    /** Warns unless time and endTime are no later than eventTime, startTime earlier than eventTime and endTime. */
    private static void checkObservationTimes(JsonNode object, ValidationContext context) {
        long eventTime = context.eventTime();
        long time = epochMicros(object, "time");
        long startTime = epochMicros(object, "startTime");
        long endTime = epochMicros(object, "endTime");
        if (eventTime != DateTimes.INVALID) {
            if (time != DateTimes.INVALID && time > eventTime) {
                context.warnAt("time", "time is later than eventTime: a reading after its event");
            }
            if (endTime != DateTimes.INVALID && endTime > eventTime) {
                context.warnAt("endTime", "endTime is later than eventTime");
            }
            if (startTime != DateTimes.INVALID && startTime >= eventTime) {
                context.warnAt("startTime", "startTime is not earlier than eventTime");
            }
        }
        if (startTime != DateTimes.INVALID && endTime != DateTimes.INVALID && startTime >= endTime) {
            context.warnAt("startTime", "startTime is not earlier than endTime");
        }
    }

    private static void checkReportFields(JsonNode report, ValidationContext context) {
        if (report.has("microorganism") && report.has("chemicalSubstance")) {
            context.warnAt("chemicalSubstance", "both a microorganism and a chemicalSubstance: a report usually measures one of them");
        }
        if (report.has("sDev") && !report.has("meanValue")) {
            context.warnAt("sDev", "sDev without a meanValue");
        }
        if (report.has("percRank") != report.has("percValue")) {
            context.warnAt(report.has("percRank") ? "percRank" : "percValue", "percRank and percValue are given together");
        }
        if (report.has("uom") && !hasAny(report, VALUES_WITH_UNIT)) {
            context.warnAt("uom", "uom without a value, minValue, maxValue, meanValue or percValue");
        }
        if (report.has("component") && !(report.has("value") && report.has("uom"))) {
            context.warnAt("component", "component without a value and uom");
        }
    }

    private static void checkElement(JsonNode element, ValidationContext context) {
        JsonNode reports = element.get("sensorReport");
        if (reports == null || !reports.isArray()) {
            return;
        }
        if (reports.isEmpty()) {
            context.warnAt("sensorReport", "sensorReport lists no sensor report");
        }
        JsonNode metadata = element.get("sensorMetadata");
        if (metadata == null || !metadata.isObject()) {
            return;
        }
        for (String attribute : METADATA_OR_REPORT) {
            if (metadata.has(attribute)) {
                warnRepeatedInReports(attribute, reports, context);
            }
        }
    }

    private static void warnRepeatedInReports(String attribute, JsonNode reports, ValidationContext context) {
        for (int i = 0; i < reports.size(); i++) {
            if (reports.get(i).has(attribute)) {
                context.enter("sensorReport");
                context.enter(i);
                context.warnAt(attribute, attribute + " is given in sensorMetadata already; the report's value "
                        + "overrides it for this reading");
                context.leave();
                context.leave();
            }
        }
    }

    private static boolean hasAny(JsonNode object, List<String> fields) {
        for (String field : fields) {
            if (object.has(field)) {
                return true;
            }
        }
        return false;
    }

    private static long epochMicros(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.isTextual() ? DateTimes.epochMicros(value.textValue()) : DateTimes.INVALID;
    }
}
