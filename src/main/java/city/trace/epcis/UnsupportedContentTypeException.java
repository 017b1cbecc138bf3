package city.trace.epcis;

/** A body that is no EPCIS document in JSON by its Content-Type (or that has none): 415. */
public class UnsupportedContentTypeException extends RuntimeException {

    public UnsupportedContentTypeException(String message) {
        super(message);
    }
}
