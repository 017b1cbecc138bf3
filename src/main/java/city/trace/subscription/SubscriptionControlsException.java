package city.trace.subscription;

import java.util.List;

import city.trace.web.Problem;

/** A subscription request the repository cannot take (EPCIS SubscriptionControlsException): a 400 problem. */
public class SubscriptionControlsException extends RuntimeException {

    private final List<Problem.Error> errors;

    public SubscriptionControlsException(List<Problem.Error> errors) {
        super(errors.size() == 1 ? errors.getFirst().detail() : errors.size() + " subscription controls are invalid");
        this.errors = errors;
    }

    public List<Problem.Error> errors() {
        return errors;
    }
}
