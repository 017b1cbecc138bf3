package city.trace.epcis.validation;

import city.trace.epcis.hash.Namespaces;

/**
 * What the rules need while they walk one document: where they are, where to report, the JSON-LD prefixes in
 * force (a CURIE of a GS1 vocabulary is checked as the full URI it stands for) and the event being checked.
 */
final class ValidationContext {

    private final JsonPath path;
    private final Violations violations;
    private Namespaces namespaces;
    private long eventTime = DateTimes.INVALID;
    private String action;

    ValidationContext(JsonPath path, Violations violations, Namespaces namespaces) {
        this.path = path;
        this.violations = violations;
        this.namespaces = namespaces;
    }

    void report(String message) {
        violations.add(path.toString(), message);
    }

    /** Reports at a field of the current object, e.g. the uom that needs a quantity. */
    void reportAt(String field, String message) {
        atField(field, () -> report(message));
    }

    /** Notes what the standard allows but is likely a mistake: the event is still valid. */
    void warn(String message) {
        violations.warn(path.toString(), message);
    }

    /** Warns about a field of the current object. */
    void warnAt(String field, String message) {
        atField(field, () -> warn(message));
    }

    private void atField(String field, Runnable note) {
        path.enter(field);
        note.run();
        path.leave();
    }

    void enter(String key) {
        path.enter(key);
    }

    void enter(int index) {
        path.enter(index);
    }

    void leave() {
        path.leave();
    }

    Violations violations() {
        return violations;
    }

    Namespaces namespaces() {
        return namespaces;
    }

    void namespaces(Namespaces namespaces) {
        this.namespaces = namespaces;
    }

    /** The eventTime of the event being checked in epoch microseconds, or {@link DateTimes#INVALID}. */
    long eventTime() {
        return eventTime;
    }

    /** The action of the event being checked when it is ADD, OBSERVE or DELETE, else null. */
    String action() {
        return action;
    }

    void beginEvent(long eventTime, String action) {
        this.eventTime = eventTime;
        this.action = action;
    }
}
