package city.trace.consortium;

import java.util.Arrays;

import org.jboss.resteasy.reactive.RestForm;

import city.trace.org.Organization;

/**
 * An organisation proposed for admission: what CityTrace records about it and the chain account it anchors from
 * (blank: the account of its key on this node). OrganizationService checks the fields.
 */
public class AdmissionForm {

    @RestForm
    public String code;

    @RestForm
    public String name;

    /** A {@link Organization.Kind} by name (a text field: an unknown value is a form error, not a failed request). */
    @RestForm
    public String kind;

    @RestForm
    public String gs1CompanyPrefix;

    @RestForm
    public String city;

    @RestForm
    public String chainAddress;

    /** The kind chosen, or null when none (or no valid one) was. */
    Organization.Kind chosenKind() {
        return Arrays.stream(Organization.Kind.values()).filter(k -> k.name().equals(kind)).findFirst().orElse(null);
    }
}
