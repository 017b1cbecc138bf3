package city.trace.verify;

import java.time.Instant;

import city.trace.gs1.DigitalLink;
import city.trace.proof.ProofBundle;
import city.trace.proof.ProofBundleJson;

/**
 * The proof bundle of a journey: its events exactly as stored and verified, with their fingerprints and proofs,
 * so that a visitor can check them against any node of the chain with the command-line verifier, and the page
 * can re-check them in the browser. Stored data is handed out as it is: if it was tampered with, the bundle
 * shows it to whoever checks.
 */
final class ProofBundles {

    private ProofBundles() {
    }

    /** Where a subject's bundle is downloaded: its Digital Link path under /api/bundles. */
    static String path(DigitalLink subject) {
        return "/api/bundles" + subject.path();
    }

    static ProofBundle bundle(Journey journey) {
        return ProofBundle.of(new ProofBundle.Subject(journey.gtin(), journey.lot(), journey.subject().toUri()),
                Instant.now(), journey.proofs());
    }

    static String json(Journey journey) {
        return ProofBundleJson.write(bundle(journey));
    }

    /** The bundle without indentation, for embedding in the journey's page. */
    static String compactJson(Journey journey) {
        return ProofBundleJson.writeCompact(bundle(journey));
    }
}
