package city.trace.epcis.validation;

import java.util.List;

import city.trace.epcis.hash.Vocabulary;

/**
 * A field whose value is a term of a standard code list or a URI of the user's own. In the JSON binding the
 * standard terms are written bare ({@code shipping}); the GS1 JSON schema forbids spelling them as CBV URNs or
 * GS1 web URIs (gs1/EPCIS#421), and a bare word that is no standard term is no URI either.
 */
enum TermField {
    BUSINESS_STEP(Vocabulary.BUSINESS_STEP, "a CBV business step", "shipping", Prefixes.CBV),
    DISPOSITION(Vocabulary.DISPOSITION, "a CBV disposition", "in_transit", Prefixes.CBV),
    BUSINESS_TRANSACTION_TYPE(Vocabulary.BUSINESS_TRANSACTION_TYPE, "a CBV business transaction type", "po",
            Prefixes.CBV),
    SOURCE_DESTINATION_TYPE(Vocabulary.SOURCE_DESTINATION_TYPE, "a CBV source/destination type", "owning_party",
            Prefixes.CBV),
    ERROR_REASON(Vocabulary.ERROR_REASON, "a CBV error reason", "incorrect_data", Prefixes.CBV),
    COMPONENT(Vocabulary.COMPONENT, "a CBV component", "latitude", Prefixes.CBV),
    MEASUREMENT_TYPE(Vocabulary.MEASUREMENT_TYPE, "a GS1 measurement type", "Temperature", Prefixes.GS1_VOC),
    SENSOR_ALERT(Vocabulary.SENSOR_ALERT, "a GS1 sensor alert type", "ALARM_CONDITION", Prefixes.GS1_VOC);

    /** The URI prefixes under which the standard terms live, and that must not be spelled out. */
    private static final class Prefixes {
        static final List<String> CBV = List.of("urn:epcglobal:cbv:", "https://ref.gs1.org/cbv/",
                "https://ns.gs1.org/cbv/");
        static final List<String> GS1_VOC = List.of("https://ref.gs1.org/voc/", "https://gs1.org/voc/",
                "https://www.gs1.org/voc/");
    }

    private final Vocabulary vocabulary;
    private final String description;
    private final String example;
    private final List<String> reservedPrefixes;

    TermField(Vocabulary vocabulary, String description, String example, List<String> reservedPrefixes) {
        this.vocabulary = vocabulary;
        this.description = description;
        this.example = example;
        this.reservedPrefixes = reservedPrefixes;
    }

    /** What is wrong with the value of a field named {@code field}, or null when it is a term or a URI. */
    String problem(String value, String field) {
        if (vocabulary.isTerm(value)) {
            return null;
        }
        for (String prefix : reservedPrefixes) {
            if (value.startsWith(prefix)) {
                String term = value.substring(Math.max(value.lastIndexOf(':'),
                        Math.max(value.lastIndexOf('/'), value.lastIndexOf('-'))) + 1);
                return vocabulary.isTerm(term) ? field + " must be the bare term '" + term + "', not " + value
                        : field + " must not use the standard namespace " + prefix + " for a term of its own";
            }
        }
        return Uris.isUri(value) ? null
                : "'" + value + "' is not " + description + "; use one such as " + example + ", or a URI";
    }
}
