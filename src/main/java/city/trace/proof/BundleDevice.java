package city.trace.proof;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What lets anyone check who measured a sensor-reporting event: the batch of readings exactly as the device
 * signed it, the public key the device was registered with, and that registration as an entry of its own (its
 * event, hash and proof), so that the key is as provable as the readings. Only presence is checked here: a JWS
 * or key that cannot be read makes the event TAMPERED, not the bundle malformed.
 *
 * @param jws the compact JWS (RFC 7515 §7.1) the device sent, as received
 * @param publicKey the device's registered public key, one PEM "PUBLIC KEY" block (P-256 or Ed25519)
 * @param registration the device's registration event (commissioning, the key's thumbprint in its ILMD), with
 *        its own hash and proof; it carries no device block itself
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BundleDevice(String jws, String publicKey, BundleEvent registration) {

    public BundleDevice {
        BundleFields.present(jws, "jws");
        BundleFields.present(publicKey, "publicKey");
        if (BundleFields.present(registration, "registration").device() != null) {
            throw new IllegalArgumentException("registration.device: a registration event is not itself signed by"
                    + " a device");
        }
    }
}
