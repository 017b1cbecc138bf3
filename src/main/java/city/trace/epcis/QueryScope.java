package city.trace.epcis;

import java.util.List;

import city.trace.gs1.DigitalLink;
import city.trace.org.CurrentMember;
import city.trace.org.Organization;

/**
 * Which events a member may query: regulators see every event; members of an organisation see the events
 * it recorded and every event about its products' batches (an identifier with one of its GTINs).
 *
 * @param organizationId null for everything
 */
public record QueryScope(Long organizationId, List<String> gtins) {

    public static final QueryScope EVERYTHING = new QueryScope(null, List.of());

    /** @throws io.quarkus.security.ForbiddenException when the member acts for no organisation */
    public static QueryScope of(CurrentMember member) {
        if (member.isRegulator()) {
            return EVERYTHING;
        }
        return of(member.organization());
    }

    /** What a member of this organisation may query; a null organisation stands for a regulator. */
    public static QueryScope of(Organization org) {
        return org == null ? EVERYTHING : new QueryScope(org.id, gtinsOf(org));
    }

    /** The GTINs of the organisation's registered products (read here: products build on EPCIS, not the reverse). */
    @SuppressWarnings("unchecked")
    private static List<String> gtinsOf(Organization org) {
        return Organization.getEntityManager().createNativeQuery("select gtin from product where organization_id = ?1")
                .setParameter(1, org.id).getResultList();
    }

    /** Whether the member may see this event, whose claims are given: see the class comment. */
    public boolean includes(EpcisEvent event, EventClaims claims) {
        if (isEverything() || (event.organization != null && organizationId.equals(event.organization.id))) {
            return true;
        }
        return claims.lines().stream().anyMatch(line -> gtins.stream()
                .anyMatch(gtin -> line.identifier().startsWith(DigitalLink.product(gtin).toUri() + "/")
                        || line.identifier().equals(DigitalLink.product(gtin).toUri())));
    }

    boolean isEverything() {
        return organizationId == null;
    }
}
