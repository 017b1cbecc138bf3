package city.trace.batch;

import java.util.List;

import city.trace.org.Organization;
import city.trace.product.Product;
import city.trace.site.Site;
import city.trace.web.Choice;

/** The options of a batch form for an organisation: its products, its sites and the units. */
public record BatchChoices(List<Choice> products, List<Choice> sites, List<Choice> units) {

    public static BatchChoices of(Organization org) {
        return new BatchChoices(
                Choice.of(Product.listByOrganization(org), p -> p.id, p -> p.name + " (GTIN " + p.gtin + ")"),
                Choice.of(Site.listByOrganization(org), s -> s.id, s -> s.name + ", " + s.city),
                Choice.of(List.of(Unit.values()), Unit::name, u -> u.symbol));
    }
}
