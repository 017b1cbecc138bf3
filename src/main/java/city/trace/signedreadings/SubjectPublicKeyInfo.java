package city.trace.signedreadings;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The algorithm identifier of an X.509 SubjectPublicKeyInfo (RFC 5280 §4.1.2.7), read from the DER before any
 * key factory sees it, so that a refused key (P-384, secp256k1, RSA…) is refused by name rather than by
 * whichever exception a JDK provider throws.
 *
 * @param algorithm the algorithm's object identifier in dotted form
 * @param curve the named curve's object identifier, when the parameters are one (EC keys)
 * @param key the subject public key's bits (without the unused-bits octet)
 */
record SubjectPublicKeyInfo(String algorithm, Optional<String> curve, byte[] key) {

    private static final int SEQUENCE = 0x30;
    private static final int OBJECT_IDENTIFIER = 0x06;
    private static final int BIT_STRING = 0x03;

    /** @throws IllegalArgumentException when the bytes are no DER SubjectPublicKeyInfo */
    static SubjectPublicKeyInfo read(byte[] der) {
        Element info = Element.read(der, 0, der.length, SEQUENCE);
        if (info.end() != der.length) {
            throw new IllegalArgumentException("bytes follow the SubjectPublicKeyInfo");
        }
        Element identifier = Element.read(der, info.start(), info.end(), SEQUENCE);
        Element algorithm = Element.read(der, identifier.start(), identifier.end(), OBJECT_IDENTIFIER);
        Optional<String> curve = Optional.empty();
        if (algorithm.end() < identifier.end() && (der[algorithm.end()] & 0xff) == OBJECT_IDENTIFIER) {
            curve = Optional.of(oid(der, Element.read(der, algorithm.end(), identifier.end(), OBJECT_IDENTIFIER)));
        }
        Element bits = Element.read(der, identifier.end(), info.end(), BIT_STRING);
        if (bits.end() != info.end() || bits.start() == bits.end() || der[bits.start()] != 0) {
            throw new IllegalArgumentException("the subject public key is not a whole-byte BIT STRING");
        }
        byte[] key = Arrays.copyOfRange(der, bits.start() + 1, bits.end());
        return new SubjectPublicKeyInfo(oid(der, algorithm), curve, key);
    }

    private static String oid(byte[] der, Element element) {
        StringJoiner dotted = new StringJoiner(".");
        BigInteger arc = BigInteger.ZERO;
        boolean first = true;
        for (int i = element.start(); i < element.end(); i++) {
            arc = arc.shiftLeft(7).or(BigInteger.valueOf(der[i] & 0x7f));
            if ((der[i] & 0x80) != 0) {
                continue;
            }
            if (first) {
                // the first sub-identifier packs two arcs: 40 × first + second, the first being 0, 1 or 2
                int top = Math.min(arc.divide(BigInteger.valueOf(40)).intValue(), 2);
                dotted.add(Integer.toString(top)).add(arc.subtract(BigInteger.valueOf(40L * top)).toString());
                first = false;
            } else {
                dotted.add(arc.toString());
            }
            arc = BigInteger.ZERO;
        }
        if (first || (der[element.end() - 1] & 0x80) != 0) {
            throw new IllegalArgumentException("malformed object identifier");
        }
        return dotted.toString();
    }

    /** A DER element's tag and the bounds of its contents; {@code end} is also where the next element starts. */
    private record Element(int start, int end) {

        static Element read(byte[] der, int offset, int limit, int expectedTag) {
            if (offset + 2 > limit || (der[offset] & 0xff) != expectedTag) {
                throw new IllegalArgumentException("not a DER SubjectPublicKeyInfo");
            }
            int first = der[offset + 1] & 0xff;
            int start = offset + 2;
            long length = first;
            if (first > 0x80 && first <= 0x83) {
                length = 0;
                for (int i = 0; i < first - 0x80; i++, start++) {
                    if (start >= limit) {
                        throw new IllegalArgumentException("truncated DER length");
                    }
                    length = (length << 8) | (der[start] & 0xff);
                }
            } else if (first >= 0x80) {
                throw new IllegalArgumentException("unsupported DER length");
            }
            if (start + length > limit) {
                throw new IllegalArgumentException("truncated DER element");
            }
            return new Element(start, (int) (start + length));
        }
    }
}
