package city.trace.epcis;

import java.util.List;

import city.trace.web.Problem;

/** A capture that is refused as a whole (nothing stored): 400, with every problem and its JSON pointer. */
public class CaptureRejectedException extends RuntimeException {

    private final List<Problem.Error> errors;

    public CaptureRejectedException(String message, List<Problem.Error> errors) {
        super(message);
        this.errors = errors;
    }

    public List<Problem.Error> errors() {
        return errors;
    }
}
