package city.trace.signedreadings;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A batch of readings as a device sends it: a JWS in compact serialization (RFC 7515 §7.1). Parsing checks the
 * form and the header only; {@link #verify} checks the signature against the key the device registered, then
 * reads the payload. The key never comes from the message itself.
 */
public final class SignedReadings {

    /** A 256 KiB payload in base64url, with room for the header and the signature. */
    static final int MAX_COMPACT_LENGTH = 4 * ReadingBatch.MAX_PAYLOAD_BYTES / 3 + 8_192;
    private static final int MAX_HEADER_BYTES = 4_096;
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Set<String> KEY_PARAMETERS = Set.of("jku", "jwk", "x5u", "x5c", "x5t", "x5t#S256");
    private static final Set<String> ALLOWED_PARAMETERS = Set.of("alg", "kid", "typ");

    private final String compact;
    private final JwsAlgorithm algorithm;
    private final Optional<String> keyId;
    private final byte[] payload;
    private final byte[] signature;

    private SignedReadings(String compact, JwsAlgorithm algorithm, Optional<String> keyId, byte[] payload,
            byte[] signature) {
        this.compact = compact;
        this.algorithm = algorithm;
        this.keyId = keyId;
        this.payload = payload;
        this.signature = signature;
    }

    /**
     * Reads a compact JWS: three base64url parts without padding, a protected header with "alg" ES256 or EdDSA,
     * optionally "kid" and "typ", and nothing that names a key or needs an extension.
     *
     * @throws InvalidReadingsException when the text is no such JWS
     */
    public static SignedReadings parse(String compactJws) {
        if (compactJws == null || compactJws.isBlank()) {
            throw new InvalidReadingsException("no JWS: expected header.payload.signature (JWS compact serialization)");
        }
        String compact = compactJws.strip();
        if (compact.length() > MAX_COMPACT_LENGTH) {
            throw new InvalidReadingsException("the JWS is " + compact.length() + " characters, more than the "
                    + MAX_COMPACT_LENGTH + " a 256 KiB payload needs");
        }
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidReadingsException("not a JWS compact serialization: expected 3 dot-separated parts, found "
                    + parts.length);
        }
        byte[] header = base64Url(parts[0], "protected header");
        if (header.length > MAX_HEADER_BYTES) {
            throw new InvalidReadingsException(
                    "the JWS protected header is larger than " + MAX_HEADER_BYTES + " bytes");
        }
        JsonNode fields = StrictJson.read(header,
                (pointer, reason) -> new InvalidReadingsException("JWS protected header" + pointer + ": " + reason));
        if (!fields.isObject()) {
            throw new InvalidReadingsException("JWS protected header: not a JSON object");
        }
        checkParameters(fields);
        JwsAlgorithm algorithm = algorithm(fields.get("alg"));
        if (fields.has("typ") && !fields.get("typ").isTextual()) {
            throw new InvalidReadingsException("JWS protected header/typ: not a string");
        }
        Optional<String> keyId = Optional.ofNullable(fields.get("kid")).map(kid -> {
            if (!kid.isTextual()) {
                throw new InvalidReadingsException("JWS protected header/kid: not a string");
            }
            return kid.textValue();
        });
        byte[] payload = base64Url(parts[1], "payload");
        byte[] signature = base64Url(parts[2], "signature");
        if (signature.length != algorithm.signatureLength) {
            throw new InvalidReadingsException("the " + algorithm.jwsName + " signature is " + signature.length
                    + " bytes, expected " + algorithm.signatureLength + (algorithm == JwsAlgorithm.ES256
                            ? " (R‖S as RFC 7518 §3.4 wants, not a DER-encoded ECDSA signature)" : ""));
        }
        return new SignedReadings(compact, algorithm, keyId, payload, signature);
    }

    /** The header's "alg": "ES256" or "EdDSA". */
    public String algorithm() {
        return algorithm.jwsName;
    }

    /** The header's "kid", a hint only: the key that counts is the one registered for the device. */
    public Optional<String> keyId() {
        return keyId;
    }

    /** The payload bytes, not yet verified nor read. */
    public byte[] payload() {
        return payload.clone();
    }

    /** The JWS as received, whitespace around it trimmed. */
    public String compact() {
        return compact;
    }

    /**
     * Checks the signature with the device's registered key, then reads the payload.
     *
     * @throws BadSignatureException when the header's algorithm is not the key's, or the signature is wrong
     * @throws InvalidReadingsException when the signed payload is no valid reading batch
     */
    public ReadingBatch verify(DeviceKey key) {
        if (!algorithm.jwsName.equals(key.algorithm())) {
            throw new BadSignatureException("the JWS says alg " + algorithm.jwsName + " but the device's key is "
                    + key.algorithm() + ": sign with the key registered for the device");
        }
        if (!signatureValid(key)) {
            throw new BadSignatureException("the signature does not verify with the device's registered key ("
                    + key.thumbprint() + ")");
        }
        return ReadingBatch.parse(payload);
    }

    /** Whether the key signed this JWS (with the header's algorithm, which must be the key's), payload unread. */
    public boolean signatureValid(DeviceKey key) {
        if (!algorithm.jwsName.equals(key.algorithm())) {
            return false;
        }
        int secondDot = compact.lastIndexOf('.');
        try {
            Signature verifier = Signature.getInstance(algorithm.jdkSignature);
            verifier.initVerify(key.publicKey());
            verifier.update(compact.substring(0, secondDot).getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false; // a signature the provider cannot even decode, e.g. R or S not below the group order
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot verify " + algorithm.jwsName, e);
        }
    }

    private static void checkParameters(JsonNode header) {
        for (Iterator<String> names = header.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (name.equals("crit")) {
                throw new InvalidReadingsException("JWS protected header: \"crit\" is refused, CityTrace implements no"
                        + " JWS extensions");
            }
            if (KEY_PARAMETERS.contains(name)) {
                throw new InvalidReadingsException("JWS protected header: \"" + name + "\" is refused: the key comes"
                        + " only from CityTrace's device registry, never from the message");
            }
            if (!ALLOWED_PARAMETERS.contains(name)) {
                throw new InvalidReadingsException("JWS protected header: unknown parameter \"" + name
                        + "\", expected only " + ALLOWED_PARAMETERS);
            }
        }
    }

    private static JwsAlgorithm algorithm(JsonNode alg) {
        if (alg == null || !alg.isTextual()) {
            throw new InvalidReadingsException("JWS protected header/alg: missing or not a string");
        }
        String name = alg.textValue();
        String why = name.equalsIgnoreCase("none") ? " (an unsigned JWS)"
                : name.startsWith("HS") ? " (a shared-secret MAC: a device signs with its own private key)" : "";
        return JwsAlgorithm.named(name).orElseThrow(() -> new InvalidReadingsException(
                "JWS protected header/alg: \"" + name + "\" is refused" + why + ", expected ES256 or EdDSA"));
    }

    /** Unpadded base64url that re-encodes to the same text, so each part has exactly one byte form. */
    private static byte[] base64Url(String part, String name) {
        if (!BASE64URL.matcher(part).matches()) {
            throw new InvalidReadingsException("the JWS " + name + " is empty or not unpadded base64url");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new InvalidReadingsException("the JWS " + name + " is not base64url: " + e.getMessage());
        }
        if (!DeviceKey.base64Url(bytes).equals(part)) {
            throw new InvalidReadingsException("the JWS " + name + " is not canonical base64url (stray trailing bits)");
        }
        return bytes;
    }
}
