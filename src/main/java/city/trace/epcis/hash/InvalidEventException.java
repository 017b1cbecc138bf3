package city.trace.epcis.hash;

/** The input is no EPCIS document or event that can be hashed; the message says what is wrong and where. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
