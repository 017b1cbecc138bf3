package city.trace.epcis.hash;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import city.trace.gs1.DigitalLink;
import city.trace.gs1.EpcUrn;
import city.trace.gs1.InvalidIdentifierException;

/**
 * Brings one value into the form the pre-hash wants: trimmed; bare CBV terms, GS1 CURIEs and CBV 1.x URNs as
 * web URIs; EPC URNs and Digital Links as constrained canonical Digital Links; numbers without trailing zeros.
 */
final class ValueCanonicaliser {

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
        try {
            if (EpcUrn.isEpcUrn(value)) {
                return digitalLink(EpcUrn.toDigitalLink(value), value);
            }
            if (value.startsWith("http")) {
                return digitalLink(DigitalLink.parse(value), value);
            }
        } catch (InvalidIdentifierException e) {
            throw new InvalidEventException(e.getMessage(), e);
        }
        String number = Numbers.canonical(value);
        return number != null ? number : value;
    }

    private static String digitalLink(Optional<DigitalLink> link, String value) {
        return link.map(l -> l.finestLevel().toUri()).orElse(value);
    }
}
