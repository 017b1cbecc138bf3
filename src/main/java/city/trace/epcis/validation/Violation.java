package city.trace.epcis.validation;

/**
 * One problem found in an EPCIS document.
 *
 * @param pointer the RFC 6901 JSON pointer of the offending value in the validated document, e.g.
 *                {@code /epcisBody/eventList/3/eventTime}; a missing field is reported at the object that lacks it
 * @param message what is wrong, in short user-facing English
 */
public record Violation(String pointer, String message) {
}
