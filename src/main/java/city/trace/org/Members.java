package city.trace.org;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import city.trace.gs1.CompanyPrefix;

/**
 * The consortium's members by GS1 company prefix: who owns a GTIN, a GLN or any other GS1 key. An identifier
 * no member's prefix starts belongs to someone outside the consortium (or is no GS1 key at all). Read for one
 * request and used by its thread alone.
 */
public final class Members {

    private final List<Organization> byLongestPrefix;
    // a document names the same lots and places many times: each is parsed once (one request's use, one thread)
    private final Map<String, Optional<Organization>> owners = new HashMap<>();

    private Members(Collection<Organization> members) {
        this.byLongestPrefix = members.stream()
                .sorted(Comparator.comparingInt((Organization o) -> o.gs1CompanyPrefix.length()).reversed()).toList();
    }

    /** Every member, read once: a capture or a page asks about many identifiers. */
    public static Members load() {
        return new Members(Organization.listAll());
    }

    /** The member whose company prefix the identifier (canonical Digital Link) carries. */
    public Optional<Organization> ownerOf(String identifier) {
        return owners.computeIfAbsent(identifier, id -> CompanyPrefix.digitsOf(id).flatMap(digits -> byLongestPrefix
                .stream().filter(member -> digits.startsWith(member.gs1CompanyPrefix)).findFirst()));
    }

    /** Whether the member with this id is a regulator (a food-safety office may recall any lot). */
    public boolean isRegulator(long organizationId) {
        return byLongestPrefix.stream().anyMatch(member -> member.id == organizationId && member.is(Organization.Kind.REGULATOR));
    }

    /** The member with exactly this company prefix. */
    public Optional<Organization> byPrefix(String prefix) {
        return byLongestPrefix.stream().filter(member -> member.gs1CompanyPrefix.equals(prefix)).findFirst();
    }

    /** The member another member's prefix would collide with: one prefix may not start the other. */
    public Optional<Organization> clashingWith(String prefix) {
        return byLongestPrefix.stream()
                .filter(member -> member.gs1CompanyPrefix.startsWith(prefix) || prefix.startsWith(member.gs1CompanyPrefix))
                .findFirst();
    }
}
