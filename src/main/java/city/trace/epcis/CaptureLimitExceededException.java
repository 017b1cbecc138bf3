package city.trace.epcis;

/** A capture larger than the advertised limits (events or bytes): 413. */
public class CaptureLimitExceededException extends RuntimeException {

    public CaptureLimitExceededException(String message) {
        super(message);
    }

    /** A document with more events than {@code limit}. */
    static CaptureLimitExceededException events(int count, int limit) {
        return new CaptureLimitExceededException("The document holds " + count + " events; this repository takes "
                + "at most " + limit + " per request");
    }

    /** A body of {@code size} (e.g. "1234 bytes") over {@code limit} bytes. */
    static CaptureLimitExceededException bytes(String size, long limit) {
        return new CaptureLimitExceededException("The body has " + size + "; this repository takes at most " + limit
                + " bytes per request");
    }
}
