package city.trace.recall;

import org.jboss.resteasy.reactive.RestForm;

/** What the recall form submits. */
public class RecallForm {

    /** The lot's Digital Link (any domain) or EPC class URN. */
    @RestForm
    public String lot;

    @RestForm
    public String reason;

    /** A {@link Recall.Severity} name. */
    @RestForm
    public String severity;
}
