package city.trace.custody;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import city.trace.org.Members;

/**
 * What the rules know besides the event and the stock: the members and their prefixes, delegations, who is
 * party to the shipments of each item, and where earlier events saw each instance.
 *
 * @param shipmentParties      per item, the organisations shipping, carrying or receiving it
 * @param carriers             the carrier of each shipment, by the business transaction that names it
 * @param earlierLocations     per instance (serialised item), the locations earlier events placed it at
 */
public record Records(Members members, Delegations delegations, Map<String, Set<Long>> shipmentParties,
        Map<String, Long> carriers, Map<String, Set<String>> earlierLocations) {

    /** The same records with other delegations in force. */
    public Records withDelegations(Delegations inForce) {
        return new Records(members, inForce, shipmentParties, carriers, earlierLocations);
    }

    /** The member owning an identifier's company prefix, by id. */
    public Optional<Long> ownerOf(String identifier) {
        return identifier == null ? Optional.empty() : members.ownerOf(identifier).map(org -> org.id);
    }
}
