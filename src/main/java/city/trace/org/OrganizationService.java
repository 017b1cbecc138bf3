package city.trace.org;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Admits members to the consortium. */
@ApplicationScoped
public class OrganizationService {

    public record Registration(String code, String name, Organization.Kind kind, String gs1CompanyPrefix, String city,
            String chainAddress) {
    }

    @Transactional
    public Organization register(Registration r) {
        if (!r.code().matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("Organisation code must be lower-case letters, digits and dashes: " + r.code());
        }
        if (!r.gs1CompanyPrefix().matches("\\d{6,12}")) {
            throw new IllegalArgumentException("A GS1 company prefix has 6 to 12 digits: " + r.gs1CompanyPrefix());
        }
        if (r.chainAddress() != null && !r.chainAddress().matches("0x[0-9a-fA-F]{40}")) {
            throw new IllegalArgumentException("Not a chain account address: " + r.chainAddress());
        }
        Organization.findByCode(r.code()).ifPresent(existing -> {
            throw new IllegalArgumentException("Organisation " + r.code() + " is already a member");
        });
        // an identifier must have one owner: no member's prefix may start another's
        Members.load().clashingWith(r.gs1CompanyPrefix()).ifPresent(other -> {
            throw new IllegalArgumentException("GS1 company prefix " + r.gs1CompanyPrefix() + " overlaps "
                    + other.name + "'s " + other.gs1CompanyPrefix);
        });
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
