package city.trace.custody;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import city.trace.gs1.DigitalLink;
import city.trace.gs1.DigitalLinkKey;

/** The delegations in force at one moment: which member may record lots of which product for its owner. */
public final class Delegations {

    private record Grant(String productClass, long delegateId) {
    }

    private final Set<Grant> grants;

    private Delegations(Set<Grant> grants) {
        this.grants = grants;
    }

    public static Delegations of(Collection<Delegation> delegations) {
        return new Delegations(delegations.stream().map(d -> new Grant(d.productClass, d.delegate.id))
                .collect(Collectors.toSet()));
    }

    /** Whether {@code recorderId} may record lots or items of the product an identifier belongs to. */
    public boolean allows(long recorderId, String identifier) {
        return productClass(identifier).map(product -> grants.contains(new Grant(product, recorderId))).orElse(false);
    }

    /** The product (GTIN) class of a lot, item or product identifier: https://id.gs1.org/01/{gtin}. */
    public static Optional<String> productClass(String identifier) {
        return DigitalLink.parse(identifier, DigitalLinkKey.GTIN).map(link -> DigitalLink.product(link.keyValue()).toUri());
    }
}
