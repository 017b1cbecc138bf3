package city.trace.signedreadings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class DeviceKeyTest {

    /** RFC 8037 Appendix A.2: the Ed25519 public key whose thumbprint A.3 gives. */
    static final String RFC_8037_X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
    /** RFC 7515 Appendix A.3.1: the P-256 key of the ES256 example. */
    static final String RFC_7515_X = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU";
    static final String RFC_7515_Y = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0";

    private static final String ED25519_SPKI_PREFIX = "302a300506032b6570032100";
    private static final String P256_SPKI_PREFIX = "3059301306072a8648ce3d020106082a8648ce3d03010703420004";

    static DeviceKey ed25519(String x) {
        return DeviceKey.parse(Pem.encode("PUBLIC KEY", concat(ED25519_SPKI_PREFIX, x)));
    }

    static DeviceKey p256(String x, String y) {
        return DeviceKey.parse(Pem.encode("PUBLIC KEY", concat(P256_SPKI_PREFIX, x, y)));
    }

    @Test
    void ed25519ThumbprintIsRfc8037AppendixA3() {
        DeviceKey key = ed25519(RFC_8037_X);
        assertEquals("EdDSA", key.algorithm());
        assertEquals("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k", key.thumbprint());
    }

    @Test
    void ecThumbprintHashesCrvKtyXYInThatOrder() {
        // SHA-256 of {"crv":"P-256","kty":"EC","x":"f83O…","y":"x_FE…"}, computed apart with Python's hashlib
        DeviceKey key = p256(RFC_7515_X, RFC_7515_Y);
        assertEquals("ES256", key.algorithm());
        assertEquals("oKIywvGUpTVTyxMQ3bwIIeQUudfr_CkLMjCE19ECD-U", key.thumbprint());
    }

    @Test
    void pemIsNormalisedWhateverTheLayoutSent() {
        DeviceKey key = DeviceKey.parse(ReadingSigner.publicKeyPem(ReadingSigner.generate("ES256").getPublic()));
        String base64 = Base64.getEncoder().encodeToString(key.der());
        String sloppy = "\r\n  -----BEGIN PUBLIC KEY-----\r\n" + base64.substring(0, 10) + "\r\n" + base64.substring(10)
                + "\r\n-----END PUBLIC KEY-----  \r\n\r\n";
        DeviceKey reread = DeviceKey.parse(sloppy);
        assertEquals(key, reread);
        assertEquals(key.pem(), reread.pem());
        String[] lines = reread.pem().split("\n");
        assertEquals("-----BEGIN PUBLIC KEY-----", lines[0]);
        assertEquals(64, lines[1].length());
        assertEquals("-----END PUBLIC KEY-----", lines[lines.length - 1]);
        assertTrue(reread.pem().endsWith("-----\n"));
        assertArrayEquals(key.publicKey().getEncoded(), reread.der());
    }

    @Test
    void privateKeysAreRefusedWithAdvice() {
        KeyPair pair = ReadingSigner.generate("EdDSA");
        DeviceKeyException refused = assertThrows(DeviceKeyException.class,
                () -> DeviceKey.parse(ReadingSigner.privateKeyPem(pair.getPrivate())));
        assertTrue(refused.getMessage().contains("CityTrace never takes private keys: send the public key only"),
                refused.getMessage());
        assertThrows(DeviceKeyException.class, () -> DeviceKey.parse(
                Pem.encode("EC PRIVATE KEY", new byte[] { 1, 2, 3 })));
    }

    @Test
    void otherCurvesAndAlgorithmsAreRefusedByName() throws Exception {
        assertRefused(generatePem("EC", new ECGenParameterSpec("secp384r1")), "P-384");
        assertRefused(generatePem("RSA", null), "RSA");
        assertRefused(generatePem("Ed448", null), "Ed448");
        // secp256k1 (which this JDK can no longer make): the SPKI of its generator point, curve OID 1.3.132.0.10
        assertRefused(Pem.encode("PUBLIC KEY", HexFormat.of().parseHex("3056301006072a8648ce3d020106052b8104000a034200"
                + "0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
                + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8")), "secp256k1");
    }

    @Test
    void garbageSeveralBlocksAndOffCurvePointsAreRefused() {
        String pem = ReadingSigner.publicKeyPem(ReadingSigner.generate("ES256").getPublic());
        assertRefused(null, "no public key");
        assertRefused("hello", "not a PEM block");
        assertRefused(pem + pem, "2 PEM blocks");
        assertRefused("-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n", "not base64");
        assertRefused(Pem.encode("PUBLIC KEY", new byte[] { 0x30, 0x03, 1, 2, 3 }), "no X.509 public key");
        assertRefused(Pem.encode("CERTIFICATE", new byte[] { 1 }), "\"CERTIFICATE\" block is not accepted");
        byte[] offCurve = concat(P256_SPKI_PREFIX, RFC_7515_X, RFC_7515_Y);
        offCurve[offCurve.length - 1] ^= 1;
        assertThrows(DeviceKeyException.class, () -> DeviceKey.parse(Pem.encode("PUBLIC KEY", offCurve)));
    }

    private static void assertRefused(String pem, String expected) {
        DeviceKeyException refused = assertThrows(DeviceKeyException.class, () -> DeviceKey.parse(pem));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }

    private static String generatePem(String algorithm, ECGenParameterSpec curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (curve != null) {
            generator.initialize(curve);
        }
        return ReadingSigner.publicKeyPem(generator.generateKeyPair().getPublic());
    }

    private static byte[] concat(String hexPrefix, String... base64UrlParts) {
        StringBuilder hex = new StringBuilder(hexPrefix);
        for (String part : base64UrlParts) {
            hex.append(HexFormat.of().formatHex(Base64.getUrlDecoder().decode(part)));
        }
        return HexFormat.of().parseHex(hex);
    }
}
