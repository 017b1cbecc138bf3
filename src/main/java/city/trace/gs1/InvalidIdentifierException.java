package city.trace.gs1;

/**
 * A value that is recognisably meant as a GS1 identifier (an EPC URN of a GS1 scheme, or a Digital Link
 * naming a GS1 key) but breaks its rules: wrong length, characters or check digit.
 */
public class InvalidIdentifierException extends IllegalArgumentException {

    public InvalidIdentifierException(String message) {
        super(message);
    }
}
