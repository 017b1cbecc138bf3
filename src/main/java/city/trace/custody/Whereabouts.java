package city.trace.custody;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import city.trace.org.Organization;
import city.trace.site.Site;

/**
 * Where a lot's quantities are now, place by place, and what that makes its status: in stock at its maker,
 * in transit, delivered, split between places, or used up.
 */
public record Whereabouts(List<Holding> holdings, Status status) {

    public enum Status {
        NONE("Not in stock anywhere"), IN_STOCK("In stock"), IN_TRANSIT("In transit"), DELIVERED("Delivered"),
        SPLIT("In several places"), USED_UP("Used up");

        public final String label;

        Status(String label) {
            this.label = label;
        }
    }

    /**
     * What one place holds.
     *
     * @param place       {@code site:<GLN>} or {@code transit:…}
     * @param site        the member's site, or null (in transit, or a GLN no site is registered for)
     * @param holder      the site's organisation, or the carrier in transit (null when unknown)
     * @param destination where goods in transit go (null when unknown or at a site)
     */
    public record Holding(String place, Site site, Organization holder, Site destination, Measure measure) {

        public boolean inTransit() {
            return Place.isTransit(place);
        }

        /** The GLN of the site, when at one. */
        public String gln() {
            return Place.glnOf(place).orElse(null);
        }

    }

    /** The whereabouts of a lot made by {@code owner}. */
    public static Whereabouts of(String item, Organization owner) {
        List<Stock> rows = Stock.list("item", item);
        List<Stock> holding = rows.stream().filter(r -> r.quantity.signum() > 0).toList();
        Map<String, Site> sites = sites(holding.stream().flatMap(r -> Stream.of(r.place, r.destination)).toList());
        List<Long> holderIds = holding.stream().map(r -> r.holderId).filter(Objects::nonNull).distinct().toList();
        Map<Long, Organization> holders = holderIds.isEmpty() ? Map.of() : Organization.<Organization>list("id in ?1",
                holderIds).stream().collect(Collectors.toMap(o -> o.id, Function.identity()));
        List<Holding> holdings = holding.stream().map(r -> new Holding(r.place, sites.get(r.place), holders.get(r.holderId),
                r.destination == null ? null : sites.get(r.destination), r.measure())).toList();
        return new Whereabouts(holdings, status(rows, owner.id));
    }

    /** The status of each lot (by its link), given its owner's id, in one query: for lists of batches. */
    public static Map<String, Status> statuses(Map<String, Long> ownerByItem) {
        Map<String, List<Stock>> rows = ownerByItem.isEmpty() ? Map.of()
                : Stock.<Stock>list("item in ?1", ownerByItem.keySet()).stream().collect(Collectors.groupingBy(r -> r.item));
        return ownerByItem.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> status(rows.getOrDefault(e.getKey(), List.of()), e.getValue())));
    }

    /** From every stock row of a lot (places that held it once keep a row at zero). */
    private static Status status(List<Stock> rows, long ownerId) {
        List<Stock> holding = rows.stream().filter(r -> r.quantity.signum() > 0).toList();
        if (holding.isEmpty()) {
            return rows.isEmpty() ? Status.NONE : Status.USED_UP;
        }
        if (holding.stream().allMatch(r -> Place.isTransit(r.place))) {
            return Status.IN_TRANSIT;
        }
        boolean allAtSites = holding.stream().noneMatch(r -> Place.isTransit(r.place));
        if (allAtSites && holding.stream().allMatch(r -> Objects.equals(r.holderId, ownerId))) {
            return Status.IN_STOCK;
        }
        if (allAtSites && holding.stream().noneMatch(r -> Objects.equals(r.holderId, ownerId))) {
            return Status.DELIVERED;
        }
        return Status.SPLIT;
    }

    private static Map<String, Site> sites(Collection<String> places) {
        Map<String, String> glns = places.stream().filter(Objects::nonNull).distinct()
                .flatMap(p -> Place.glnOf(p).map(gln -> Map.entry(p, gln)).stream())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, Site> byGln = glns.isEmpty() ? Map.of() : Site.listByGln(glns.values()).stream()
                .collect(Collectors.toMap(s -> s.gln, Function.identity()));
        return glns.entrySet().stream().filter(e -> byGln.containsKey(e.getValue()))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> byGln.get(e.getValue())));
    }
}
