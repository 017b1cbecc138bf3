package city.trace.signedreadings;

/** A public key CityTrace will not register for a device; the message says why and what to send instead. */
public class DeviceKeyException extends RuntimeException {

    public DeviceKeyException(String message) {
        super(message);
    }

    public DeviceKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
