package city.trace.epcis;

import java.util.List;

import city.trace.org.CurrentMember;
import city.trace.org.Organization;
import city.trace.product.Product;

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
        Organization org = member.organization();
        return new QueryScope(org.id, Product.listByOrganization(org).stream().map(p -> p.gtin).toList());
    }

    boolean isEverything() {
        return organizationId == null;
    }
}
