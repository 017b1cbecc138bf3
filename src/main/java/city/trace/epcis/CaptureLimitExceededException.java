package city.trace.epcis;

/** A capture larger than the advertised limits (events or bytes): 413. */
public class CaptureLimitExceededException extends RuntimeException {

    public CaptureLimitExceededException(String message) {
        super(message);
    }
}
