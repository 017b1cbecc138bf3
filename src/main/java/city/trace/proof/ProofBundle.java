package city.trace.proof;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A proof bundle ({@value #FORMAT}): a product lot's EPCIS events with their fingerprints and Merkle proofs,
 * so that anyone can check them against the chain without trusting CityTrace. The app produces it, the
 * command-line verifier (city.trace.proof.cli.VerifyBundleCommand) and js/verify.js check it.
 * <p>
 * An event made from a device's signed readings may carry an optional {@code device} member ({@link BundleDevice}:
 * the JWS as signed, the registered public key, and the device's registration as an entry of its own), which
 * the verifiers check as well. Bundles without it are still of this format and verify as before.
 * <p>
 * The constructors reject what is not a well-formed bundle (IllegalArgumentException saying which field), so a
 * bundle that exists is well-formed; whether it is true is the verifier's question.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({ "format", "subject", "generatedAt", "events" })
public record ProofBundle(String format, Subject subject, Instant generatedAt, List<BundleEvent> events) {

    public static final String FORMAT = "citytrace-proof-bundle/1";

    /** What the bundle is about: one lot of one product, and its GS1 Digital Link. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Subject(String gtin, String lot, String digitalLink) {
    }

    public ProofBundle {
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("format: expected \"" + FORMAT + "\", found "
                    + (format == null ? "none" : "\"" + format + "\""));
        }
        BundleFields.present(subject, "subject");
        BundleFields.present(generatedAt, "generatedAt");
        if (BundleFields.present(events, "events").isEmpty()) {
            throw new IllegalArgumentException("events: a bundle holds at least one event");
        }
        for (int i = 0; i < events.size(); i++) {
            BundleFields.present(events.get(i), "events[" + i + "]");
        }
        events = List.copyOf(events);
    }

    /** A bundle in the current format. */
    public static ProofBundle of(Subject subject, Instant generatedAt, List<BundleEvent> events) {
        return new ProofBundle(FORMAT, subject, generatedAt, events);
    }
}
