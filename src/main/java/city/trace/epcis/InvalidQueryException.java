package city.trace.epcis;

import java.util.List;

import city.trace.web.Problem;

/** Query parameters the repository cannot answer (EPCIS QueryParameterException): a 400 problem. */
public class InvalidQueryException extends RuntimeException {

    private final List<Problem.Error> errors;

    public InvalidQueryException(List<Problem.Error> errors) {
        super(errors.size() == 1 ? errors.getFirst().detail() : errors.size() + " query parameters are invalid");
        this.errors = errors;
    }

    public List<Problem.Error> errors() {
        return errors;
    }
}
