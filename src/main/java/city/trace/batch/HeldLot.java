package city.trace.batch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import city.trace.custody.Place;
import city.trace.custody.Stock;
import city.trace.org.Organization;
import city.trace.site.Site;

/**
 * A batch an organisation holds at its sites, with how much of it each site holds (in the batch's unit): what
 * it may ship from a site or use in processing there.
 */
public record HeldLot(Batch batch, List<AtSite> sites) {

    /** What one site holds of the batch. */
    public record AtSite(Site site, BigDecimal quantity) {
    }

    /** Every registered batch the organisation holds some of at its sites, by product name and lot. */
    public static List<HeldLot> heldBy(Organization org) {
        Map<String, List<Stock>> byItem = Stock.listAtSitesOf(org.id).stream()
                .collect(Collectors.groupingBy(stock -> stock.item, LinkedHashMap::new, Collectors.toList()));
        Map<String, Batch> batches = Batch.byLotLinks(byItem.keySet());
        Map<String, Site> sites = Site.listByOrganization(org).stream().collect(Collectors.toMap(s -> s.gln, Function.identity()));
        List<HeldLot> held = new ArrayList<>();
        byItem.forEach((item, rows) -> Optional.ofNullable(batches.get(item)).ifPresent(batch -> held.add(new HeldLot(batch,
                rows.stream().flatMap(row -> Place.glnOf(row.place).map(sites::get).stream()
                        .map(site -> new AtSite(site, row.measure().in(batch.unit.name())))).toList()))));
        held.sort(Comparator.comparing((HeldLot lot) -> lot.batch().product.name).thenComparing(lot -> lot.batch().lot));
        return held;
    }

    /** How much of the batch a site holds. */
    public BigDecimal at(Site site) {
        return sites.stream().filter(s -> s.site().id.equals(site.id)).map(AtSite::quantity).findFirst()
                .orElse(BigDecimal.ZERO);
    }
}
