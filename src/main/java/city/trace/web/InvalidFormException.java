package city.trace.web;

/** A submitted form that cannot be accepted as it is. Thrown by services, so their transaction rolls back. */
public class InvalidFormException extends RuntimeException {

    private final FormErrors errors;

    public InvalidFormException(FormErrors errors) {
        super("Invalid form: " + errors.all());
        this.errors = errors;
    }

    public InvalidFormException(String field, String message) {
        this(FormErrors.none().add(field, message));
    }

    public FormErrors errors() {
        return errors;
    }
}
