package city.trace.signedreadings;

/**
 * A well-formed batch whose signature the device's registered key does not confirm (or that claims another
 * algorithm than the key's): the readings may be forged or altered and must not be stored.
 */
public class BadSignatureException extends RuntimeException {

    public BadSignatureException(String message) {
        super(message);
    }
}
