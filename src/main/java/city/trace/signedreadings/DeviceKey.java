package city.trace.signedreadings;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECPoint;
import java.security.spec.EllipticCurve;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * A device's registered public key: EC P-256 (signs ES256) or Ed25519 (signs EdDSA), nothing else, so that
 * every key CityTrace holds is one a small device can use and a verifier anywhere can check.
 */
public final class DeviceKey {

    private static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";
    private static final String P_256 = "1.2.840.10045.3.1.7";
    private static final String ED25519 = "1.3.101.112";
    /** Keys people are likely to send, so the refusal can name them. */
    private static final Map<String, String> REFUSED_NAMES = Map.of(
            "1.3.132.0.34", "EC curve P-384",
            "1.3.132.0.35", "EC curve P-521",
            "1.3.132.0.10", "EC curve secp256k1",
            "1.3.101.113", "Ed448",
            "1.3.101.110", "X25519 (a key-agreement key)",
            "1.3.101.111", "X448 (a key-agreement key)",
            "1.2.840.113549.1.1.1", "RSA",
            "1.2.840.113549.1.1.10", "RSASSA-PSS",
            "1.2.840.10040.4.1", "DSA");
    private static final String ACCEPTED = "send an EC P-256 (ES256) or Ed25519 (EdDSA) public key";
    private static final int COORDINATE_BYTES = 32;

    private final JwsAlgorithm algorithm;
    private final PublicKey publicKey;
    private final byte[] der;

    private DeviceKey(JwsAlgorithm algorithm, PublicKey publicKey) {
        this.algorithm = algorithm;
        this.publicKey = publicKey;
        this.der = publicKey.getEncoded();
    }

    /**
     * Reads one PEM "PUBLIC KEY" block (X.509 SubjectPublicKeyInfo).
     *
     * @throws DeviceKeyException for private keys, other algorithms or curves, several blocks, or garbage
     */
    public static DeviceKey parse(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new DeviceKeyException("no public key: " + ACCEPTED + " as a PEM \"PUBLIC KEY\" block");
        }
        Pem.Block block;
        try {
            block = Pem.decode(pem);
        } catch (IllegalArgumentException e) {
            throw new DeviceKeyException(e.getMessage() + ": " + ACCEPTED + " as a PEM \"PUBLIC KEY\" block");
        }
        if (block.label().contains("PRIVATE KEY")) {
            throw new DeviceKeyException("this is a private key (PEM \"" + block.label()
                    + "\"): CityTrace never takes private keys: send the public key only. Keep the private key on the"
                    + " device, and if it has been sent anywhere, make a new key pair.");
        }
        if (!block.label().equals("PUBLIC KEY")) {
            throw new DeviceKeyException("a PEM \"" + block.label() + "\" block is not accepted: " + ACCEPTED
                    + " as a PEM \"PUBLIC KEY\" block (X.509 SubjectPublicKeyInfo)");
        }
        JwsAlgorithm algorithm = algorithmOf(block.der());
        PublicKey key;
        try {
            key = KeyFactory.getInstance(algorithm.keyFactory).generatePublic(new X509EncodedKeySpec(block.der()));
        } catch (GeneralSecurityException e) {
            throw new DeviceKeyException("the " + algorithm.jwsName + " public key cannot be read: " + e.getMessage(),
                    e);
        }
        if (key instanceof ECPublicKey ec && !onCurve(ec.getW(), JwsAlgorithm.p256().getCurve())) {
            throw new DeviceKeyException("the EC public key is not a point of curve P-256");
        }
        return new DeviceKey(algorithm, key);
    }

    /** The JWS "alg" this key verifies: "ES256" or "EdDSA". */
    public String algorithm() {
        return algorithm.jwsName;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The key as one normalised PEM "PUBLIC KEY" block, whatever line layout it was sent in. */
    public String pem() {
        return Pem.encode("PUBLIC KEY", der);
    }

    /** The X.509 SubjectPublicKeyInfo DER. */
    public byte[] der() {
        return der.clone();
    }

    /**
     * The RFC 7638 JWK thumbprint (SHA-256, base64url without padding): a short name for the key that any JOSE
     * library computes alike, for a JWS "kid" and for people comparing keys.
     */
    public String thumbprint() {
        String jwk = switch (algorithm) {
            case ES256 -> {
                ECPoint point = ((ECPublicKey) publicKey).getW();
                yield "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + base64Url(coordinate(point.getAffineX()))
                        + "\",\"y\":\"" + base64Url(coordinate(point.getAffineY())) + "\"}";
            }
            case ED_DSA -> "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\""
                    + base64Url(SubjectPublicKeyInfo.read(der).key()) + "\"}";
        };
        try {
            return base64Url(MessageDigest.getInstance("SHA-256").digest(jwk.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeviceKey that && Arrays.equals(der, that.der);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(der);
    }

    @Override
    public String toString() {
        return algorithm.jwsName + " key " + thumbprint();
    }

    private static JwsAlgorithm algorithmOf(byte[] der) {
        SubjectPublicKeyInfo info;
        try {
            info = SubjectPublicKeyInfo.read(der);
        } catch (IllegalArgumentException e) {
            throw new DeviceKeyException("the PEM block holds no X.509 public key (" + e.getMessage() + "): "
                    + ACCEPTED);
        }
        if (info.algorithm().equals(EC_PUBLIC_KEY)) {
            String curve = info.curve().orElseThrow(
                    () -> new DeviceKeyException("the EC key does not name its curve: " + ACCEPTED));
            if (curve.equals(P_256)) {
                return JwsAlgorithm.ES256;
            }
            throw new DeviceKeyException(REFUSED_NAMES.getOrDefault(curve, "EC curve " + curve)
                    + " is not accepted: " + ACCEPTED);
        }
        if (info.algorithm().equals(ED25519)) {
            return JwsAlgorithm.ED_DSA;
        }
        throw new DeviceKeyException(REFUSED_NAMES.getOrDefault(info.algorithm(), "key algorithm " + info.algorithm())
                + " keys are not accepted: " + ACCEPTED);
    }

    /** y² = x³ + ax + b (mod p): a point off the curve is no key (a corrupted upload); refuse it at registration. */
    private static boolean onCurve(ECPoint point, EllipticCurve curve) {
        BigInteger p = ((ECFieldFp) curve.getField()).getP();
        BigInteger x = point.getAffineX();
        BigInteger y = point.getAffineY();
        if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
        return y.pow(2).mod(p).equals(right);
    }

    /** An unsigned big-endian coordinate of exactly 32 bytes, as RFC 7518 §6.2.1.2 wants it. */
    private static byte[] coordinate(BigInteger value) {
        byte[] minimal = value.toByteArray();
        byte[] fixed = new byte[COORDINATE_BYTES];
        int length = Math.min(minimal.length, COORDINATE_BYTES);
        System.arraycopy(minimal, minimal.length - length, fixed, COORDINATE_BYTES - length, length);
        return fixed;
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
