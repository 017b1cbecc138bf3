package city.trace.proof;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import city.trace.epcis.hash.EventHash;
import city.trace.epcis.hash.HashVersion;

/** A real EPCIS event as stored, with the namespaces of its document and the hash EventHasher gave it. */
record HashedEvent(JsonNode event, Map<String, String> namespaces, EventHash hash) {

    static final HashVersion VERSION = HashVersion.CBV2_0;

    /** Its bundle entry; the eventID is the event's own, or its hash (as CityTrace assigns one). */
    BundleEvent inBundle(AnchoringStatus status, BundleProof proof) {
        return new BundleEvent(event.path("eventID").asText(hash.hash()), event, namespaces, VERSION.label(),
                hash.prehash(), hash.hash(), status, proof);
    }

    byte[] leafData() {
        return EventHashId.parse(hash.hash()).digest().toByteArray();
    }
}
