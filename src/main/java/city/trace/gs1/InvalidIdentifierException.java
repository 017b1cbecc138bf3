package city.trace.gs1;

/**
 * A value that is recognisably meant as a GS1 identifier (an EPC URN of a GS1 scheme, or a Digital Link
 * naming a GS1 key) but breaks its rules: wrong length, characters or check digit.
 */
public class InvalidIdentifierException extends IllegalArgumentException {

    private final String reason;

    /**
     * @param reason     what is wrong, in words that stand without the identifier (for messages that point at it)
     * @param identifier the offending identifier
     */
    public InvalidIdentifierException(String reason, String identifier) {
        super(reason + " in " + identifier);
        this.reason = reason;
    }

    /** What is wrong, without the identifier, e.g. "GTIN 00614141107340 has a wrong check digit: expected 6". */
    public String reason() {
        return reason;
    }
}
