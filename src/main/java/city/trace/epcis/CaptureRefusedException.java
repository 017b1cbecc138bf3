package city.trace.epcis;

import java.util.List;

import city.trace.web.Problem;

/**
 * The recorder may not record these events (README, "Who may record what"); nothing was stored. Each error
 * names the rule it breaks.
 */
public class CaptureRefusedException extends RuntimeException {

    /** The EPCIS REST binding's exception for a caller not authorised to do what it asks. */
    static final String TYPE = "epcisException:SecurityException";
    static final String TITLE = "Not entitled to record this";

    private final List<Problem.Error> errors;

    public CaptureRefusedException(List<Problem.Error> errors) {
        super(errors.stream().map(e -> e.rule() + ": " + e.detail()).reduce((a, b) -> a + "; " + b)
                .orElse("refused") + "; nothing was stored");
        this.errors = List.copyOf(errors);
    }

    public List<Problem.Error> errors() {
        return errors;
    }
}
