package city.trace.epcis.hash;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON-LD prefixes in force for an event: those a document declares in its {@code @context}, over the
 * standard ones the EPCIS context defines. {@code gs1} is always the GS1 Web Vocabulary, as in EPCIS 2.1.
 */
public final class Namespaces {

    private static final Map<String, String> STANDARD = Map.of(
            "gs1", Vocabulary.Iris.GS1_VOC,
            "cbv", Vocabulary.Iris.CBV,
            "epcis", "https://ref.gs1.org/epcis/",
            // as the reference implementation has it, for documents that use cbvmda without declaring it
            "cbvmda", "urn:epcglobal:cbv:mda");
    private static final String RDFS_COMMENT = "{http://www.w3.org/2000/01/rdf-schema#}comment";

    private final Map<String, String> declared;

    public Namespaces(Map<String, String> declared) {
        this.declared = declared;
    }

    /** The prefixes the EPCIS context defines, that documents use without declaring them. */
    public static Map<String, String> standard() {
        return STANDARD;
    }

    /** The prefix declarations (prefix to IRI) of a JSON-LD {@code @context}: an IRI, an object or a list. */
    public static Map<String, String> declaredIn(JsonNode context) {
        Map<String, String> prefixes = new HashMap<>();
        if (context != null) {
            for (JsonNode entry : context.isArray() ? context : List.of(context)) {
                entry.properties().forEach(property -> {
                    JsonNode definition = property.getValue();
                    JsonNode iri = definition.isObject() ? definition.get("@id") : definition;
                    if (!property.getKey().startsWith("@") && iri != null && iri.isTextual()
                            && !iri.asText().startsWith("@")) {
                        prefixes.put(property.getKey(), iri.asText());
                    }
                });
            }
        }
        return prefixes;
    }

    /** A key as the pre-hash names it: {@code ex:field} becomes {@code {https://ex.example/}field}. */
    String expandKey(String key) {
        int colon = key.indexOf(':');
        String iri = colon > 0 ? iri(key.substring(0, colon)) : null;
        return iri == null ? key : "{" + iri + "}" + key.substring(colon + 1);
    }

    /**
     * A CURIE value of a GS1 vocabulary ({@code cbv:BizStep-shipping}, {@code gs1:Temperature}) as full URI;
     * other values, CURIEs of user vocabularies included, as they are.
     */
    public String expandValue(String value) {
        int colon = value.indexOf(':');
        String iri = colon > 0 ? iri(value.substring(0, colon)) : null;
        boolean gs1 = iri != null && (iri.startsWith("https://ref.gs1.org") || iri.startsWith("https://gs1.org"));
        return gs1 ? iri + value.substring(colon + 1) : value;
    }

    /** Comments document the event but are no part of it. */
    boolean isComment(String key) {
        return key.equals("comment") || key.equals("rdfs:comment") || key.equals("#text")
                || key.endsWith(":comment") && expandKey(key).equals(RDFS_COMMENT);
    }

    private String iri(String prefix) {
        if (prefix.equals("gs1")) {
            return Vocabulary.Iris.GS1_VOC;
        }
        String iri = declared.get(prefix);
        return iri != null ? iri : STANDARD.get(prefix);
    }
}
