package city.trace.proof;

/** The input is no proof bundle of the supported format; the message says where and what is wrong. */
public class MalformedBundleException extends RuntimeException {

    public MalformedBundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
