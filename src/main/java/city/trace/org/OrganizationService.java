package city.trace.org;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import city.trace.web.FormErrors;

/** Admits members to the consortium. */
@ApplicationScoped
public class OrganizationService {

    public record Registration(String code, String name, Organization.Kind kind, String gs1CompanyPrefix, String city,
            String chainAddress) {
    }

    /**
     * @throws city.trace.web.InvalidFormException naming each field that is wrong (the form's fields have the
     *         registration's names), before anything is stored
     */
    @Transactional
    public Organization register(Registration r) {
        FormErrors errors = FormErrors.none();
        if (r.code() == null || !r.code().matches("[a-z0-9-]{1,64}")) {
            errors.add("code", "An organisation code is up to 64 lower-case letters, digits and dashes, e.g. "
                    + "groningen-dairy");
        } else if (Organization.findByCode(r.code()).isPresent()) {
            errors.add("code", "Organisation " + r.code() + " is already a member");
        }
        if (r.name() == null || r.name().isBlank() || r.name().length() > 200) {
            errors.add("name", "Enter the organisation's name (at most 200 characters)");
        }
        if (r.kind() == null) {
            errors.add("kind", "Choose what kind of organisation it is");
        }
        if (r.gs1CompanyPrefix() == null || !r.gs1CompanyPrefix().matches("\\d{6,12}")) {
            errors.add("gs1CompanyPrefix", "A GS1 company prefix has 6 to 12 digits");
        } else {
            // an identifier must have one owner: no member's prefix may start another's
            Members.load().clashingWith(r.gs1CompanyPrefix()).ifPresent(other -> errors.add("gs1CompanyPrefix",
                    "GS1 company prefix " + r.gs1CompanyPrefix() + " overlaps " + other.name + "'s "
                            + other.gs1CompanyPrefix));
        }
        if (r.city() == null || r.city().isBlank() || r.city().length() > 100) {
            errors.add("city", "Enter the organisation's city (at most 100 characters)");
        }
        if (r.chainAddress() != null && !r.chainAddress().matches("0x[0-9a-fA-F]{40}")) {
            errors.add("chainAddress", "A chain account address is 0x and 40 hexadecimal digits");
        } else if (r.chainAddress() != null) {
            Organization.findByChainAddress(r.chainAddress()).ifPresent(other -> errors.add("chainAddress",
                    "Account " + r.chainAddress() + " is " + other.name + "'s"));
        }
        errors.throwIfAny();
        Organization org = new Organization();
        org.code = r.code();
        org.name = r.name();
        org.kind = r.kind();
        org.gs1CompanyPrefix = r.gs1CompanyPrefix();
        org.city = r.city();
        org.chainAddress = r.chainAddress();
        org.persist();
        return org;
    }

    /** The member as stored now, for work outside a transaction (the anchoring worker). */
    @Transactional
    public Organization find(long id) {
        return Organization.findById(id);
    }

    /** Records the account the member's anchoring key signs from: the key decides, the stored address follows. */
    @Transactional
    public void anchorsFrom(long id, String chainAddress) {
        Organization org = Organization.findById(id);
        org.chainAddress = chainAddress;
    }
}
