package city.trace.signedreadings;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Optional;

/** The two JWS algorithms a device may sign with, and how the JDK names them. */
enum JwsAlgorithm {

    /** ECDSA over P-256 with SHA-256; JWS wants the 64-byte R‖S signature (RFC 7518 §3.4), not DER. */
    ES256("ES256", "EC", "SHA256withECDSAinP1363Format", 64),
    /** Ed25519 (RFC 8037). */
    ED_DSA("EdDSA", "Ed25519", "Ed25519", 64);

    private static final ECParameterSpec P_256 = namedCurve("secp256r1");

    final String jwsName;
    final String keyFactory;
    final String jdkSignature;
    final int signatureLength;

    JwsAlgorithm(String jwsName, String keyFactory, String jdkSignature, int signatureLength) {
        this.jwsName = jwsName;
        this.keyFactory = keyFactory;
        this.jdkSignature = jdkSignature;
        this.signatureLength = signatureLength;
    }

    static Optional<JwsAlgorithm> named(String jwsName) {
        return Arrays.stream(values()).filter(algorithm -> algorithm.jwsName.equals(jwsName)).findFirst();
    }

    /** The algorithm a key (public or private) signs or verifies with, if it is one of the two. */
    static Optional<JwsAlgorithm> of(Key key) {
        if (key instanceof ECKey ec && isP256(ec.getParams())) {
            return Optional.of(ES256);
        }
        if (key instanceof EdECKey ed
                && NamedParameterSpec.ED25519.getName().equalsIgnoreCase(ed.getParams().getName())) {
            return Optional.of(ED_DSA);
        }
        return Optional.empty();
    }

    static ECParameterSpec p256() {
        return P_256;
    }

    /** ECParameterSpec has no equals: the same curve means the same curve, generator, order and cofactor. */
    private static boolean isP256(ECParameterSpec params) {
        return params.getCurve().equals(P_256.getCurve()) && params.getGenerator().equals(P_256.getGenerator())
                && params.getOrder().equals(P_256.getOrder()) && params.getCofactor() == P_256.getCofactor();
    }

    private static ECParameterSpec namedCurve(String name) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(name));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no " + name + " curve", e);
        }
    }
}
