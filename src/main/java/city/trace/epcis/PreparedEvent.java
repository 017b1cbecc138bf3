package city.trace.epcis;

import city.trace.epcis.hash.EventHash;
import city.trace.epcis.hash.HashVersion;

/**
 * An event ready to store: validated, fingerprinted and with its search facts.
 *
 * @param eventId        as captured, or the hash when the event came without one
 * @param namespacesJson the document's JSON-LD prefixes, as a JSON object
 * @param eventJson      the event as captured
 */
public record PreparedEvent(String eventId, EventFacts facts, EventHash hash, HashVersion hashVersion,
        String namespacesJson, String eventJson) {
}
