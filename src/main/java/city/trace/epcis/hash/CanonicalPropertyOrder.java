package city.trace.epcis.hash;

import static city.trace.epcis.hash.Field.group;
import static city.trace.epcis.hash.Field.term;
import static city.trace.epcis.hash.Field.timestamp;
import static city.trace.epcis.hash.Field.value;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import city.trace.epcis.hash.Field.ListOf;

/** The canonical property order of the CBV Event Hash ID, the same for all five event types. */
final class CanonicalPropertyOrder {

    static final String SENSOR_ELEMENT_LIST = "sensorElementList";
    static final String ILMD = "ilmd";

    static final Set<String> EVENT_TYPES = Set.of(
            "ObjectEvent", "AggregationEvent", "TransactionEvent", "TransformationEvent", "AssociationEvent");

    /** Event fields no hash covers: identity and bookkeeping of the event, and error declarations. */
    static final Set<String> EXCLUDED = Set.of(
            "type", "eventID", "recordTime", "errorDeclaration", "certificationInfo", "@context");

    static final List<Field> EVENT_FIELDS = List.of(
            timestamp("eventTime"),
            value("eventTimeZoneOffset"),
            epcs("epcList"),
            value("parentID"),
            epcs("inputEPCList"),
            epcs("childEPCs"),
            quantities("quantityList"),
            quantities("childQuantityList"),
            quantities("inputQuantityList"),
            epcs("outputEPCList"),
            quantities("outputQuantityList"),
            value("action"),
            value("transformationID"),
            term("bizStep", Vocabulary.BUSINESS_STEP),
            term("disposition", Vocabulary.DISPOSITION),
            group("persistentDisposition",
                    term("set", Vocabulary.DISPOSITION),
                    term("unset", Vocabulary.DISPOSITION)),
            group("readPoint", value("id")),
            group("bizLocation", value("id")),
            typed("bizTransactionList", "bizTransaction", Vocabulary.BUSINESS_TRANSACTION_TYPE),
            typed("sourceList", "source", Vocabulary.SOURCE_DESTINATION_TYPE),
            typed("destinationList", "destination", Vocabulary.SOURCE_DESTINATION_TYPE),
            new ListOf(SENSOR_ELEMENT_LIST, group("sensorElement",
                    group("sensorMetadata",
                            timestamp("time"),
                            timestamp("startTime"),
                            timestamp("endTime"),
                            value("deviceID"),
                            value("deviceMetadata"),
                            value("rawData"),
                            value("dataProcessingMethod"),
                            value("bizRules")),
                    group("sensorReport",
                            term("type", Vocabulary.MEASUREMENT_TYPE),
                            term("exception", Vocabulary.SENSOR_ALERT),
                            value("deviceID"),
                            value("deviceMetadata"),
                            value("rawData"),
                            value("dataProcessingMethod"),
                            timestamp("time"),
                            value("microorganism"),
                            value("chemicalSubstance"),
                            value("value"),
                            term("component", Vocabulary.COMPONENT),
                            value("stringValue"),
                            value("booleanValue"),
                            value("hexBinaryValue"),
                            value("uriValue"),
                            value("minValue"),
                            value("maxValue"),
                            value("meanValue"),
                            value("sDev"),
                            value("percRank"),
                            value("percValue"),
                            value("uom"),
                            value("coordinateReferenceSystem")))));

    /** The event keys that are no user extensions. */
    static final Set<String> NOT_EXTENSIONS = Stream.of(
            EVENT_FIELDS.stream().map(Field::name), EXCLUDED.stream(), Stream.of(ILMD))
            .flatMap(names -> names).collect(Collectors.toUnmodifiableSet());

    private CanonicalPropertyOrder() {
    }

    private static ListOf epcs(String name) {
        return new ListOf(name, value("epc"));
    }

    private static ListOf quantities(String name) {
        return new ListOf(name, group("quantityElement", value("epcClass"), value("quantity"), value("uom")));
    }

    /** A list of typed references, each written as its type followed by its value, e.g. type=…source=…. */
    private static ListOf typed(String name, String valueName, Vocabulary types) {
        return new ListOf(name, group("", term("type", types), value(valueName)));
    }
}
