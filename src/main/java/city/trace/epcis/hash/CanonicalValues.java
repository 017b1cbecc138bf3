package city.trace.epcis.hash;

import java.util.Map;

/**
 * The canonical form of single EPCIS values, exactly as the Event Hash ID writes them, for code that
 * stores and searches events: CBV terms as web URIs, GS1 identifiers (EPC URNs, Digital Links on any
 * domain) as canonical GS1 Digital Links, other URIs as they are.
 */
public final class CanonicalValues {

    private final ValueCanonicaliser canonicaliser;

    /** @param namespaces the JSON-LD prefixes the document declares (see {@link EventHasher#declaredPrefixes}) */
    public CanonicalValues(Map<String, String> namespaces) {
        canonicaliser = new ValueCanonicaliser(new Namespaces(namespaces == null ? Map.of() : namespaces));
    }

    /** @throws InvalidEventException for a malformed GS1 identifier */
    public String bizStep(String value) {
        return canonicaliser.canonical(value, Vocabulary.BUSINESS_STEP);
    }

    /** @throws InvalidEventException for a malformed GS1 identifier */
    public String disposition(String value) {
        return canonicaliser.canonical(value, Vocabulary.DISPOSITION);
    }

    /**
     * The bare term of a code list value in any spelling (bare, CURIE, CBV URN or web URI): {@code shipping}
     * for {@code https://ref.gs1.org/cbv/BizStep-shipping}; a value outside the code list as it is.
     *
     * @throws InvalidEventException for a malformed GS1 identifier
     */
    public String term(String value, Vocabulary vocabulary) {
        return Vocabulary.bareTerm(canonicaliser.canonical(value, vocabulary));
    }

    /** An EPC, class, location or other identifier. @throws InvalidEventException for a malformed GS1 one */
    public String identifier(String value) {
        return canonicaliser.canonical(value, null);
    }
}
