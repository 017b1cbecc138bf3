package city.trace.org;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is making the current request: their name, roles and the organisation they act for. The identity
 * provider puts the organisation's code into the token as the {@value #ORGANIZATION_CLAIM} claim.
 */
@RequestScoped
@Named("member")
public class CurrentMember {

    public static final String ORGANIZATION_CLAIM = "organization";
    public static final String MANUFACTURER = "manufacturer";
    public static final String REGULATOR = "regulator";
    public static final String CONSORTIUM_ADMIN = "consortium-admin";

    @Inject
    SecurityIdentity identity;

    private Optional<Organization> organization;

    public boolean isLoggedIn() {
        return !identity.isAnonymous();
    }

    public String getName() {
        return claim("name").or(() -> claim("preferred_username")).orElseGet(() -> identity.getPrincipal().getName());
    }

    /** The account's user name at the identity provider: stable, unlike the display name. */
    public String getUsername() {
        return identity.getPrincipal().getName();
    }

    public boolean isManufacturer() {
        return identity.hasRole(MANUFACTURER);
    }

    public boolean isRegulator() {
        return identity.hasRole(REGULATOR);
    }

    public boolean isConsortiumAdmin() {
        return identity.hasRole(CONSORTIUM_ADMIN);
    }

    /** The member's organisation, if the account is linked to one that exists. */
    public Optional<Organization> getOrganizationIfAny() {
        if (organization == null) {
            organization = claim(ORGANIZATION_CLAIM).flatMap(Organization::findByCode);
        }
        return organization;
    }

    /** The member's organisation; acting for one is required for anything that records supply-chain data. */
    public Organization organization() {
        return getOrganizationIfAny().orElseThrow(() -> new ForbiddenException(
                "Your account is not linked to a CityTrace organisation. Ask your consortium administrator."));
    }

    private Optional<String> claim(String name) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        Object value = jwt.getClaim(name);
        String text = value instanceof JsonString json ? json.getString() : value == null ? null : value.toString();
        return Optional.ofNullable(text).filter(v -> !v.isBlank());
    }
}
