package city.trace.device;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jboss.resteasy.reactive.RestForm;

/**
 * A device to register, from the page's form or as JSON from a program: where it sits is one of the
 * organisation's sites (by GLN) or one of its vehicles (by name), never both.
 */
public class DeviceForm {

    @RestForm
    @NotBlank(message = "Enter the device's identifier: a GIAI (https://id.gs1.org/8004/…) or another URI")
    @Size(max = 300, message = "An identifier has at most 300 characters")
    public String identifier;

    @RestForm
    @NotBlank(message = "Say what kind of device it is, e.g. thermometer")
    @Size(max = 64, message = "A kind has at most 64 characters")
    public String kind;

    @RestForm
    @NotBlank(message = "Enter the device's model")
    @Size(max = 200, message = "A model has at most 200 characters")
    public String model;

    /** The GLN of one of the organisation's sites. */
    @RestForm
    public String site;

    /** A vehicle of the organisation, as it names it (e.g. a licence plate). */
    @RestForm
    public String vehicle;

    /** The device's public key, PEM (-----BEGIN PUBLIC KEY-----): ECDSA P-256 or Ed25519. */
    @RestForm
    @NotBlank(message = "Paste the device's public key (PEM, -----BEGIN PUBLIC KEY-----)")
    @Size(max = 2000, message = "A public key in PEM has at most 2,000 characters")
    public String publicKey;
}
