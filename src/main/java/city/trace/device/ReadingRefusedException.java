package city.trace.device;

/**
 * A batch of signed readings CityTrace does not take, with the HTTP status and a short code for the reason
 * (the problem's type ends with it); nothing of the batch is stored.
 */
public class ReadingRefusedException extends RuntimeException {

    /** Why a batch is refused: its HTTP status and its code. */
    public enum Reason {
        MALFORMED(400, "malformed"),
        BAD_SIGNATURE(401, "bad-signature"),
        UNKNOWN_DEVICE(404, "unknown-device"),
        DEVICE_SUSPENDED(409, "device-suspended"),
        DEVICE_RETIRED(409, "device-retired"),
        REPLAYED_COUNTER(409, "replayed-counter"),
        WRONG_DEVICE(422, "wrong-device"),
        CLOCK_SKEW(422, "clock-skew"),
        NOTHING_ON_BOARD(422, "nothing-on-board");

        public final int status;
        public final String code;

        Reason(int status, String code) {
            this.status = status;
            this.code = code;
        }
    }

    private final Reason reason;

    public ReadingRefusedException(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
