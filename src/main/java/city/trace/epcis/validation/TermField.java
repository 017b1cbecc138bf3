package city.trace.epcis.validation;

import java.util.List;

import city.trace.epcis.hash.Vocabulary;

/**
 * A field whose value is a term of a standard code list or a URI of the user's own. The JSON binding writes
 * standard terms bare ({@code shipping}); their full spellings (the CBV 1.x URN
 * {@code urn:epcglobal:cbv:bizstep:shipping} and the web URI {@code https://ref.gs1.org/cbv/BizStep-shipping})
 * are URIs that name the same term, so they are accepted too, as the Event Hash ID treats all three alike.
 * What is refused: a bare word that is no standard term (it is no URI either), and a URI in a standard
 * namespace that names no standard term of this list.
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

    /** The URI prefixes under which the standard terms live: only standard terms may be named there. */
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
                if (vocabulary.isTerm(term) && vocabulary.expandBareTerm(term).equals(Vocabulary.webUriForCbvUrn(value))) {
                    return null;
                }
                return vocabulary.isTerm(term) ? field + " must be the term '" + term + "' (bare, or as "
                        + vocabulary.expandBareTerm(term) + "), not " + value
                        : field + " must not use the standard namespace " + prefix + " for a term of its own";
            }
        }
        return Uris.isUri(value) ? null
                : "'" + value + "' is not " + description + "; use one such as " + example + ", or a URI";
    }
}
