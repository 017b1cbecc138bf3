package city.trace.signedreadings;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The device's side: makes key pairs and signs reading batches the way {@link SignedReadings} verifies them.
 * Used by the device simulator and the tests; a real device does the same with its own JOSE library.
 */
public final class ReadingSigner {

    private ReadingSigner() {
    }

    /**
     * Signs a batch, its payload written compactly with members in the documented order. The batch is read back
     * first, so a device never sends what the server would refuse.
     *
     * @param kid the header's "kid", or null for none
     * @throws InvalidReadingsException when the batch breaks the payload rules
     */
    public static String sign(ReadingBatch batch, PrivateKey key, String kid) {
        byte[] payload = batch.toJson();
        ReadingBatch.parse(payload);
        return sign(payload, key, kid);
    }

    /** Signs any bytes as a compact JWS, the algorithm following from the key (P-256: ES256, Ed25519: EdDSA). */
    public static String sign(byte[] payload, PrivateKey key, String kid) {
        JwsAlgorithm algorithm = algorithm(key);
        ObjectNode header = StrictJson.MAPPER.createObjectNode().put("alg", algorithm.jwsName);
        if (kid != null) {
            header.put("kid", kid);
        }
        String signingInput;
        try {
            signingInput = DeviceKey.base64Url(StrictJson.MAPPER.writeValueAsBytes(header)) + "."
                    + DeviceKey.base64Url(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a two-member header always serializes", e);
        }
        try {
            Signature signer = Signature.getInstance(algorithm.jdkSignature);
            signer.initSign(key);
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + DeviceKey.base64Url(signer.sign());
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("the private key cannot sign " + algorithm.jwsName, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot sign " + algorithm.jwsName, e);
        }
    }

    /** The JWS "alg" a private key signs with: "ES256" or "EdDSA". */
    public static String algorithmOf(PrivateKey key) {
        return algorithm(key).jwsName;
    }

    /** A new key pair for "ES256" (EC secp256r1) or "EdDSA" (Ed25519). */
    public static KeyPair generate(String algorithm) {
        JwsAlgorithm jws = JwsAlgorithm.named(algorithm)
                .orElseThrow(() -> new IllegalArgumentException("unknown algorithm " + algorithm + ": ES256 or EdDSA"));
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(jws.keyFactory);
            generator.initialize(
                    jws == JwsAlgorithm.ES256 ? new ECGenParameterSpec("secp256r1") : NamedParameterSpec.ED25519);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make " + algorithm + " keys", e);
        }
    }

    /** The private key as a PEM "PRIVATE KEY" block (PKCS#8), for the device's own key file. */
    public static String privateKeyPem(PrivateKey key) {
        algorithm(key);
        return Pem.encode("PRIVATE KEY", key.getEncoded());
    }

    /** The public key as a PEM "PUBLIC KEY" block, what the device's organisation registers. */
    public static String publicKeyPem(PublicKey key) {
        return Pem.encode("PUBLIC KEY", key.getEncoded());
    }

    /**
     * Reads a PEM "PRIVATE KEY" block written by {@link #privateKeyPem}.
     *
     * @throws IllegalArgumentException when it is no P-256 or Ed25519 PKCS#8 private key
     */
    public static PrivateKey readPrivateKey(String pem) {
        Pem.Block block = Pem.decode(pem);
        if (!block.label().equals("PRIVATE KEY")) {
            throw new IllegalArgumentException(
                    "expected a PEM \"PRIVATE KEY\" block (PKCS#8), not \"" + block.label() + "\"");
        }
        for (JwsAlgorithm algorithm : JwsAlgorithm.values()) {
            try {
                PrivateKey key = KeyFactory.getInstance(algorithm.keyFactory)
                        .generatePrivate(new PKCS8EncodedKeySpec(block.der()));
                if (JwsAlgorithm.of(key).isPresent()) {
                    return key;
                }
            } catch (InvalidKeySpecException e) {
                // not this algorithm's key: try the next
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("this JDK cannot read " + algorithm.jwsName + " keys", e);
            }
        }
        throw new IllegalArgumentException("the PEM block is no P-256 (ES256) or Ed25519 (EdDSA) private key");
    }

    private static JwsAlgorithm algorithm(PrivateKey key) {
        return JwsAlgorithm.of(key).orElseThrow(() -> new IllegalArgumentException(
                "only EC P-256 (ES256) and Ed25519 (EdDSA) keys sign device readings, not " + key.getAlgorithm()));
    }
}
