package city.trace.proof;

import static city.trace.proof.CheckResult.Check.HASH;
import static city.trace.proof.CheckResult.Check.PREHASH;
import static city.trace.proof.CheckResult.Check.PROOF;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import city.trace.merkle.Bytes32;
import city.trace.merkle.InclusionProof;
import city.trace.merkle.Rfc6962;
import city.trace.epcis.hash.EventHasher;
import city.trace.epcis.hash.InvalidEventException;
import city.trace.proof.CheckResult.Check;

/**
 * Checks a, b and c, which need nothing but the bundle: the event against its pre-hash, the pre-hash against
 * its Event Hash ID, and the hash against the Merkle root. Any failure means the record was changed.
 */
final class RecordChecks {

    /** How much of two differing pre-hashes the report shows, from the first difference on. */
    private static final int SHOWN_CHARACTERS = 40;

    private final EventHasher hasher = new EventHasher();

    List<CheckResult> check(BundleEvent event) {
        List<CheckResult> results = new ArrayList<>(List.of(prehash(event), hash(event)));
        if (event.proof() != null) {
            results.add(proof(event.hashId().digest(), event.proof()));
        }
        return results;
    }

    /** a. The canonical pre-hash, recomputed from the event as stored, is the bundle's. */
    private CheckResult prehash(BundleEvent event) {
        String recomputed;
        try {
            recomputed = hasher.hash(event.event(), event.namespaces(), event.version()).prehash();
        } catch (InvalidEventException e) {
            return tampered(PREHASH, "the event cannot be hashed: " + e.getMessage());
        }
        if (!recomputed.equals(event.prehash())) {
            int at = firstDifference(recomputed, event.prehash());
            return tampered(PREHASH, "the event gives another pre-hash from character " + (at + 1) + ": \""
                    + excerpt(recomputed, at) + "\" where the bundle has \"" + excerpt(event.prehash(), at) + "\"");
        }
        return CheckResult.passed(PREHASH, "recomputed from the event with " + event.version().label());
    }

    /** b. SHA-256 of the pre-hash (UTF-8) is the digest in the Event Hash ID, which names the same version. */
    private static CheckResult hash(BundleEvent event) {
        EventHashId id = event.hashId();
        Bytes32 digest = sha256(event.prehash());
        if (!digest.equals(id.digest())) {
            return tampered(HASH, "SHA-256 of the pre-hash is " + Hex.abbreviated(digest) + ", the hash has "
                    + Hex.abbreviated(id.digest()));
        }
        String version = event.version().label();
        if (!id.versionLabel().equals(version)) {
            return tampered(HASH, "the hash is of version " + id.versionLabel() + ", hashVersion says " + version);
        }
        return CheckResult.passed(HASH, "SHA-256 of the pre-hash is the hash's digest " + Hex.abbreviated(digest));
    }

    /** c. The audit path leads from the leaf hash, SHA-256(0x00 ‖ digest), to the root (RFC 9162). */
    static CheckResult proof(Bytes32 digest, BundleProof proof) {
        InclusionProof path = proof.inclusionProof();
        String leaf = "leaf " + proof.leafIndex() + " of " + proof.treeSize();
        Optional<Bytes32> reached = path.rootFor(Rfc6962.leafHash(digest.toByteArray()));
        if (reached.isEmpty()) {
            return tampered(PROOF, "an audit path of " + path.auditPath().size() + " hashes cannot belong to " + leaf);
        }
        if (!reached.get().equals(proof.rootHash())) {
            return tampered(PROOF, leaf + " leads to root " + Hex.abbreviated(reached.get()) + ", not to "
                    + Hex.abbreviated(proof.rootHash()));
        }
        return CheckResult.passed(PROOF, leaf + " leads to root " + Hex.abbreviated(proof.rootHash()));
    }

    private static CheckResult tampered(Check check, String detail) {
        return CheckResult.failed(check, Outcome.TAMPERED, detail);
    }

    private static int firstDifference(String a, String b) {
        int at = 0;
        while (at < a.length() && at < b.length() && a.charAt(at) == b.charAt(at)) {
            at++;
        }
        return at;
    }

    private static String excerpt(String text, int from) {
        String rest = text.substring(from);
        return rest.length() > SHOWN_CHARACTERS ? rest.substring(0, SHOWN_CHARACTERS) + "…" : rest;
    }

    private static Bytes32 sha256(String text) {
        try {
            return Bytes32.of(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
