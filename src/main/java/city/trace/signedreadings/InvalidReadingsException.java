package city.trace.signedreadings;

/**
 * A signed reading batch that cannot be read: not a compact JWS, a header CityTrace refuses, or a payload that
 * breaks the batch format (the message then starts with the JSON pointer of the offending value). The sender
 * must fix the message; distinct from {@link BadSignatureException}, which says who sent it is in doubt.
 */
public class InvalidReadingsException extends RuntimeException {

    public InvalidReadingsException(String message) {
        super(message);
    }

    /** {@code pointer}: RFC 6901, into the payload; the empty pointer (the whole payload) reads "payload". */
    static InvalidReadingsException at(String pointer, String reason) {
        return new InvalidReadingsException((pointer.isEmpty() ? "payload" : pointer) + ": " + reason);
    }
}
