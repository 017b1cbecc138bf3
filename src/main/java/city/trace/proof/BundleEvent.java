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
 * <p>
 * A sensor-reporting event made from a device's signed readings also has a {@code device} member (a
 * {@link BundleDevice}: the JWS, the registered key and the device's registration entry), so that the readings
 * can be checked against the device's signature and the key against its anchored registration. Events without
 * one (every other event, and sensor data from systems that do not sign it) leave the member out.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BundleEvent(String eventID, JsonNode event, Map<String, String> namespaces, String hashVersion,
        String prehash, String hash, AnchoringStatus status, BundleProof proof, BundleDevice device) {

    /** An event no device signed. */
    public BundleEvent(String eventID, JsonNode event, Map<String, String> namespaces, String hashVersion,
            String prehash, String hash, AnchoringStatus status, BundleProof proof) {
        this(eventID, event, namespaces, hashVersion, prehash, hash, status, proof, null);
    }

    /** This event with the device block that lets its readings be checked against the device's signature. */
    public BundleEvent withDevice(BundleDevice signedBy) {
        return new BundleEvent(eventID, event, namespaces, hashVersion, prehash, hash, status, proof, signedBy);
    }

    /** This event with another statement of where it is on the chain (e.g. naming who anchored it). */
    public BundleEvent withProof(BundleProof anchored) {
        return new BundleEvent(eventID, event, namespaces, hashVersion, prehash, hash, status, anchored, device);
    }

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
        BundleFields.present(hash, "hash");
        try {
            EventHashId.parse(hash);
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
