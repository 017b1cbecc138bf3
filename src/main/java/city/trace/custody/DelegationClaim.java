package city.trace.custody;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import city.trace.epcis.EventClaims;
import city.trace.epcis.IdentifierRole;

/**
 * A delegation as an EPCIS event: an ObjectEvent OBSERVE of the product class by its owner, with two
 * extension fields in CityTrace's namespace — {@code ct:delegate} (the delegate's GS1 company prefix) and
 * {@code ct:delegation} ({@code granted} or {@code revoked}). Any EPCIS system can record and read it.
 */
public record DelegationClaim(String productClass, String delegatePrefix, boolean granted) {

    public static final String NAMESPACE = "https://citytrace.city/ns/custody#";
    public static final String PREFIX = "ct";

    /** The delegation an event declares, if it is one (extension fields read under any prefix of the namespace). */
    public static Optional<DelegationClaim> of(JsonNode event, Map<String, String> namespaces, EventClaims claims) {
        String delegate = extension(event, namespaces, "delegate");
        String change = extension(event, namespaces, "delegation");
        if (delegate == null || change == null || !("granted".equals(change) || "revoked".equals(change))) {
            return Optional.empty();
        }
        return claims.lines(EnumSet.of(IdentifierRole.CLASS)).stream().findFirst()
                .flatMap(line -> Delegations.productClass(line.identifier()))
                .map(product -> new DelegationClaim(product, delegate, "granted".equals(change)));
    }

    /** Adds this delegation's extension fields to an event (the document must declare {@link #PREFIX}). */
    public ObjectNode addTo(ObjectNode event) {
        return event.put(PREFIX + ":delegate", delegatePrefix).put(PREFIX + ":delegation", granted ? "granted" : "revoked");
    }

    private static String extension(JsonNode event, Map<String, String> namespaces, String name) {
        JsonNode full = event.get(NAMESPACE + name);
        if (full != null && full.isTextual()) {
            return full.textValue();
        }
        return namespaces.entrySet().stream().filter(ns -> NAMESPACE.equals(ns.getValue()))
                .map(ns -> event.get(ns.getKey() + ":" + name)).filter(v -> v != null && v.isTextual())
                .map(JsonNode::textValue).findFirst().orElse(null);
    }
}
