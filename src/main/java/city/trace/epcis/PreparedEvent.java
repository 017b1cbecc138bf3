package city.trace.epcis;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import city.trace.epcis.hash.EventHash;
import city.trace.epcis.hash.HashVersion;

/**
 * An event ready to store: validated, fingerprinted and with its search facts.
 *
 * @param eventId    as captured, or the hash when the event came without one
 * @param claims     what it says about goods, places and parties
 * @param namespaces the document's JSON-LD prefixes
 * @param event      the event as captured
 */
public record PreparedEvent(String eventId, EventFacts facts, EventClaims claims, EventHash hash, HashVersion hashVersion,
        Map<String, String> namespaces, JsonNode event) {
}
