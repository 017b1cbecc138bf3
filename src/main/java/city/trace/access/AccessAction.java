package city.trace.access;

/** What a member did that the access log records. */
public enum AccessAction {
    SEARCH("Search"), TRACE("Trace"), EXPORT("Export");

    public final String label;

    AccessAction(String label) {
        this.label = label;
    }
}
