package city.trace.proof;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import city.trace.epcis.hash.HashVersion;

/**
 * One event of a bundle: the EPCIS event as stored (it may hold {@code eventID} and {@code recordTime}, which
 * the hash leaves out), the namespaces its document declared, its pre-hash and Event Hash ID, and the proof
 * that the hash is in an anchor round, absent while the event is {@link AnchoringStatus#PENDING}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BundleEvent(String eventID, JsonNode event, Map<String, String> namespaces, String hashVersion,
        String prehash, String hash, AnchoringStatus status, BundleProof proof) {

    public BundleEvent {
        BundleFields.present(eventID, "eventID");
        if (!BundleFields.present(event, "event").isObject()) {
            throw new IllegalArgumentException("event: expected a JSON object");
        }
        if (namespaces == null) {
            namespaces = Map.of();
        }
        namespaces.forEach((prefix, iri) -> BundleFields.present(iri, "namespaces." + prefix));
        namespaces = Map.copyOf(namespaces);
        HashVersion.parse(BundleFields.present(hashVersion, "hashVersion"));
        BundleFields.present(prehash, "prehash");
        try {
            EventHashId.parse(BundleFields.present(hash, "hash"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hash: " + e.getMessage(), e);
        }
        BundleFields.present(status, "status");
        if ((status == AnchoringStatus.PENDING) != (proof == null)) {
            throw new IllegalArgumentException("proof: a " + status + " event " + (proof == null ? "needs a" : "has no")
                    + " proof");
        }
        if (proof != null && status.inBlock() != proof.inBlock()) {
            throw new IllegalArgumentException("proof.blockNumber: " + (status.inBlock() ? "missing for" : "not yet known for")
                    + " a " + status + " event");
        }
    }

    @JsonIgnore
    public HashVersion version() {
        return HashVersion.parse(hashVersion);
    }

    @JsonIgnore
    public EventHashId hashId() {
        return EventHashId.parse(hash);
    }
}
