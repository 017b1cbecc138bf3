package city.trace.custody;

/**
 * A rule an event breaks.
 *
 * @param pointer JSON pointer, within the event, of what breaks it
 * @param detail  what exactly, for people
 */
public record Violation(Rule rule, String pointer, String detail) {
}
