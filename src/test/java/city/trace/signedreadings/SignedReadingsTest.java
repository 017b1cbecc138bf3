package city.trace.signedreadings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignedReadingsTest {

    private static final KeyPair EC = ReadingSigner.generate("ES256");
    private static final KeyPair ED = ReadingSigner.generate("EdDSA");

    @ParameterizedTest
    @ValueSource(strings = { "ES256", "EdDSA" })
    void signedBatchesVerifyWithTheRegisteredKey(String algorithm) {
        KeyPair pair = ReadingSigner.generate(algorithm);
        DeviceKey key = deviceKey(pair);
        ReadingBatch batch = ReadingBatchTest.batch(7);
        String compact = ReadingSigner.sign(batch, pair.getPrivate(), key.thumbprint());

        SignedReadings signed = SignedReadings.parse("  " + compact + "\r\n");
        assertEquals(algorithm, signed.algorithm());
        assertEquals(Optional.of(key.thumbprint()), signed.keyId());
        assertEquals(compact, signed.compact());
        assertArrayEquals(batch.toJson(), signed.payload());
        assertEquals(batch, signed.verify(key));
        assertEquals(Optional.empty(), SignedReadings.parse(ReadingSigner.sign(batch, pair.getPrivate(), null)).keyId());
    }

    @ParameterizedTest
    @ValueSource(strings = { "ES256", "EdDSA" })
    void anAlteredPayloadOrSignatureIsABadSignature(String algorithm) {
        KeyPair pair = ReadingSigner.generate(algorithm);
        String[] parts = ReadingSigner.sign(ReadingBatchTest.batch(7), pair.getPrivate(), null).split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        payload[payload.length / 2] ^= 1;
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[10] ^= 1;

        assertBadSignature(parts[0] + "." + base64Url(payload) + "." + parts[2], deviceKey(pair));
        assertBadSignature(parts[0] + "." + parts[1] + "." + base64Url(signature), deviceKey(pair));
        assertBadSignature(ReadingSigner.sign(ReadingBatchTest.batch(7), ReadingSigner.generate(algorithm).getPrivate(),
                null), deviceKey(pair));
    }

    @Test
    void aHeaderAlgorithmOtherThanTheKeysIsRefused() {
        String eddsa = ReadingSigner.sign(ReadingBatchTest.batch(1), ED.getPrivate(), null);
        BadSignatureException refused = assertThrows(BadSignatureException.class,
                () -> SignedReadings.parse(eddsa).verify(deviceKey(EC)));
        assertEquals("the JWS says alg EdDSA but the device's key is ES256: sign with the key registered for the device",
                refused.getMessage());
        assertFalse(SignedReadings.parse(eddsa).signatureValid(deviceKey(EC)));
    }

    /** Algorithms other than the two, and headers that bring their own key or need an extension. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"alg\":\"none\"}                                   | alg: \"none\" is refused (an unsigned JWS)",
        "{\"alg\":\"HS256\"}                                  | alg: \"HS256\" is refused (a shared-secret MAC",
        "{\"alg\":\"RS256\"}                                  | alg: \"RS256\" is refused, expected ES256 or EdDSA",
        "{\"kid\":\"k\"}                                      | alg: missing",
        "{\"alg\":\"ES256\",\"jwk\":{\"kty\":\"EC\"}}            | \"jwk\" is refused: the key comes only from CityTrace's",
        "{\"alg\":\"ES256\",\"x5c\":[]}                         | \"x5c\" is refused",
        "{\"alg\":\"ES256\",\"jku\":\"https://evil.example/\"} | \"jku\" is refused",
        "{\"alg\":\"ES256\",\"crit\":[\"b64\"],\"b64\":false}    | \"crit\" is refused",
        "{\"alg\":\"ES256\",\"alg\":\"EdDSA\"}                  | Duplicate field 'alg'",
        "{\"alg\":\"ES256\",\"kid\":7}                          | kid: not a string" })
    void headersOtherThanAnEs256OrEdDsaAlgorithmAndAKeyIdAreRefused(String header, String expected) {
        assertInvalid(jws(header, "AAAA"), expected);
        assertInvalid(jws(header, ""), expected);
    }

    @Test
    void aDerEncodedEcdsaSignatureIsRefused() throws Exception {
        String[] parts = ReadingSigner.sign(ReadingBatchTest.batch(1), EC.getPrivate(), null).split("\\.");
        byte[] rs = Base64.getUrlDecoder().decode(parts[2]);
        byte[] der = der(new BigInteger(1, Arrays.copyOf(rs, 32)), new BigInteger(1, Arrays.copyOfRange(rs, 32, 64)));
        java.security.Signature jdk = java.security.Signature.getInstance("SHA256withECDSA");
        jdk.initVerify(EC.getPublic());
        jdk.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(jdk.verify(der), "the DER form is the same signature");
        assertInvalid(parts[0] + "." + parts[1] + "." + base64Url(der), "not a DER-encoded ECDSA signature");
    }

    @Test
    void onlyThreeUnpaddedBase64UrlPartsAreAJws() {
        String compact = ReadingSigner.sign(ReadingBatchTest.batch(1), ED.getPrivate(), null);
        assertInvalid("", "no JWS");
        assertInvalid(compact + ".", "expected 3 dot-separated parts, found 4");
        assertInvalid(compact.substring(0, compact.lastIndexOf('.')), "found 2");
        assertInvalid(compact.replace(".", " ."), "not unpadded base64url");
        assertInvalid(compact + "==", "not unpadded base64url");
        assertInvalid(compact.replace(compact.substring(0, compact.indexOf('.')),
                Base64.getEncoder().encodeToString("{\"alg\":\"EdDSA\"}>>".getBytes())), "not unpadded base64url");
        // 64 bytes take 86 base64url characters, the last one with 4 bits to spare: setting one decodes alike
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = compact.charAt(compact.length() - 1);
        assertInvalid(compact.substring(0, compact.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1),
                "not canonical base64url");
        assertInvalid("x".repeat(SignedReadings.MAX_COMPACT_LENGTH + 1), "more than");
    }

    @Test
    void malformedPayloadsAreRefusedAfterTheSignatureChecks() {
        String unknownMember = ReadingSigner.sign("{\"device\":\"urn:x\",\"counter\":1,\"readings\":[],\"extra\":1}"
                .getBytes(StandardCharsets.UTF_8), ED.getPrivate(), null);
        InvalidReadingsException refused = assertThrows(InvalidReadingsException.class,
                () -> SignedReadings.parse(unknownMember).verify(deviceKey(ED)));
        assertEquals("/extra: unknown member: expected only [device, counter, readings]", refused.getMessage());
        String oversize = ReadingSigner.sign(new byte[ReadingBatch.MAX_PAYLOAD_BYTES + 1], ED.getPrivate(), null);
        assertTrue(assertThrows(InvalidReadingsException.class, () -> SignedReadings.parse(oversize).verify(deviceKey(ED)))
                .getMessage().startsWith("payload: is 262145 bytes"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ES256", "EdDSA" })
    void aPrivateKeyPemReadsBackAsAKeyThatSignsForThePublicOne(String algorithm) {
        KeyPair pair = ReadingSigner.generate(algorithm);
        String pem = ReadingSigner.privateKeyPem(pair.getPrivate());
        assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----\n"));
        String compact = ReadingSigner.sign(ReadingBatchTest.batch(1), ReadingSigner.readPrivateKey(pem), null);
        assertTrue(SignedReadings.parse(compact).signatureValid(deviceKey(pair)));
        assertThrows(IllegalArgumentException.class,
                () -> ReadingSigner.readPrivateKey(ReadingSigner.publicKeyPem(pair.getPublic())));
    }

    /** RFC 7515 Appendix A.3: ES256 with the key of A.3.1; its payload is a JWT claims set, not a batch. */
    @Test
    void rfc7515AppendixA3Es256ExampleVerifies() {
        String example = "eyJhbGciOiJFUzI1NiJ9"
                + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
                + ".DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";
        DeviceKey key = DeviceKeyTest.p256(DeviceKeyTest.RFC_7515_X, DeviceKeyTest.RFC_7515_Y);
        assertTrue(SignedReadings.parse(example).signatureValid(key));
        assertFalse(SignedReadings.parse(example.substring(0, example.length() - 1) + "A").signatureValid(key));
        assertThrows(InvalidReadingsException.class, () -> SignedReadings.parse(example).verify(key));
    }

    /** RFC 8037 Appendix A.4: Ed25519 over the text "Example of Ed25519 signing". */
    @Test
    void rfc8037AppendixA4EdDsaExampleVerifies() {
        String example = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc"
                + ".hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
        assertTrue(SignedReadings.parse(example).signatureValid(DeviceKeyTest.ed25519(DeviceKeyTest.RFC_8037_X)));
    }

    private static DeviceKey deviceKey(KeyPair pair) {
        return DeviceKey.parse(ReadingSigner.publicKeyPem(pair.getPublic()));
    }

    private static String jws(String header, String signature) {
        return base64Url(header.getBytes(StandardCharsets.UTF_8)) + "." + base64Url(ReadingBatchTest.batch(1).toJson())
                + "." + signature;
    }

    private static void assertBadSignature(String compact, DeviceKey key) {
        assertThrows(BadSignatureException.class, () -> SignedReadings.parse(compact).verify(key));
    }

    private static void assertInvalid(String compact, String expected) {
        InvalidReadingsException refused = assertThrows(InvalidReadingsException.class,
                () -> SignedReadings.parse(compact));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** SEQUENCE { INTEGER r, INTEGER s }, the signature form OpenSSL and the JDK's SHA256withECDSA use. */
    private static byte[] der(BigInteger r, BigInteger s) {
        byte[] rBytes = r.toByteArray();
        byte[] sBytes = s.toByteArray();
        byte[] der = new byte[6 + rBytes.length + sBytes.length];
        der[0] = 0x30;
        der[1] = (byte) (4 + rBytes.length + sBytes.length);
        der[2] = 0x02;
        der[3] = (byte) rBytes.length;
        System.arraycopy(rBytes, 0, der, 4, rBytes.length);
        der[4 + rBytes.length] = 0x02;
        der[5 + rBytes.length] = (byte) sBytes.length;
        System.arraycopy(sBytes, 0, der, 6 + rBytes.length, sBytes.length);
        return der;
    }
}
