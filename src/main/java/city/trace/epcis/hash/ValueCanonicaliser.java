package city.trace.epcis.hash;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import city.trace.gs1.DigitalLink;
import city.trace.gs1.EpcUrn;
import city.trace.gs1.InvalidIdentifierException;

/**
 * Brings one value into the form the pre-hash wants: trimmed; bare CBV terms, GS1 CURIEs and CBV 1.x URNs as
 * web URIs; EPC URNs and Digital Links as constrained canonical Digital Links; numbers without trailing zeros.
 */
final class ValueCanonicaliser {

    /**
     * Identifiers canonicalised before, by their text: parsing a Digital Link is most of a pre-hash's cost, and the
     * events of a journey (or a capture) name the same lots again and again. Bounded: emptied when full.
     */
    private static final Map<String, String> IDENTIFIERS = new ConcurrentHashMap<>();
    private static final int REMEMBERED_IDENTIFIERS = 4096;

    private final Namespaces namespaces;

    ValueCanonicaliser(Namespaces namespaces) {
        this.namespaces = namespaces;
    }

    /**
     * The canonical text of a JSON scalar; empty for null and blank values.
     *
     * @param vocabulary the code list whose bare terms the field may use, or null
     */
    String canonical(JsonNode scalar, Vocabulary vocabulary) {
        if (scalar.isTextual()) {
            return canonical(scalar.textValue(), vocabulary);
        }
        if (scalar.isNumber()) {
            return Numbers.canonical(scalar);
        }
        if (scalar.isBoolean()) {
            return scalar.booleanValue() ? "true" : "false";
        }
        return scalar.isNull() ? "" : canonical(scalar.asText(), vocabulary);
    }

    String canonical(String raw, Vocabulary vocabulary) {
        String value = raw.strip();
        if (value.isEmpty()) {
            return value;
        }
        String term = vocabulary == null ? null : vocabulary.expandBareTerm(value);
        if (term != null) {
            return term;
        }
        value = namespaces.expandValue(value);
        if (value.startsWith("urn:epcglobal:cbv:")) {
            return Vocabulary.webUriForCbvUrn(value);
        }
        if (EpcUrn.isEpcUrn(value) || value.startsWith("http")) {
            return identifier(value);
        }
        String number = Numbers.canonical(value);
        return number != null ? number : value;
    }

    /** An EPC URN or a web URI, as the constrained canonical Digital Link when it is one (else itself). */
    private static String identifier(String value) {
        String known = IDENTIFIERS.get(value);
        if (known != null) {
            return known;
        }
        String canonical;
        try {
            canonical = digitalLink(EpcUrn.isEpcUrn(value) ? EpcUrn.toDigitalLink(value) : DigitalLink.parse(value), value);
        } catch (InvalidIdentifierException e) {
            throw new InvalidEventException(e.getMessage(), e);
        }
        if (IDENTIFIERS.size() >= REMEMBERED_IDENTIFIERS) {
            IDENTIFIERS.clear();
        }
        IDENTIFIERS.put(value, canonical);
        return canonical;
    }

    private static String digitalLink(Optional<DigitalLink> link, String value) {
        return link.map(l -> l.finestLevel().toUri()).orElse(value);
    }
}
