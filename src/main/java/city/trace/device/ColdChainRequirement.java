package city.trace.device;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import city.trace.device.coldchain.ColdChainRule;
import city.trace.gs1.DigitalLink;
import city.trace.org.Organization;
import city.trace.product.Product;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What an organisation's product must be kept at, set by its owner: for one product, or for all its products
 * of a category (a product's own requirement comes first).
 */
@Entity
@Table(name = "cold_chain_rule")
public class ColdChainRequirement extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Organization organization;

    @ManyToOne(fetch = FetchType.LAZY)
    public Product product;

    public String category;

    public BigDecimal minCelsius;

    public BigDecimal maxCelsius;

    public int toleratedMinutes;

    public BigDecimal maxMktCelsius;

    public ColdChainRule rule() {
        return new ColdChainRule(minCelsius == null ? null : minCelsius.doubleValue(),
                maxCelsius == null ? null : maxCelsius.doubleValue(), Duration.ofMinutes(toleratedMinutes),
                maxMktCelsius == null ? null : maxMktCelsius.doubleValue());
    }

    /** The rule as words, e.g. "2–8 °C, 30 min tolerated, MKT ≤ 6 °C". */
    public String describe() {
        String band = minCelsius != null && maxCelsius != null ? plain(minCelsius) + "–" + plain(maxCelsius) + " °C"
                : minCelsius != null ? "≥ " + plain(minCelsius) + " °C" : "≤ " + plain(maxCelsius) + " °C";
        return band + (toleratedMinutes > 0 ? ", " + toleratedMinutes + " min tolerated" : ", no excursion tolerated")
                + (maxMktCelsius != null ? ", MKT ≤ " + plain(maxMktCelsius) + " °C" : "");
    }

    /**
     * The requirement of a lot (its canonical Digital Link): its product's own, else its owner's for its category.
     * One query, with no entity as a parameter (Hibernate would translate it anew each time): most lots have none.
     */
    public static Optional<ColdChainRequirement> ofLot(String lot) {
        return DigitalLink.parseLot(lot).flatMap(link -> find("select r from ColdChainRequirement r, Product p "
                + "where p.gtin = ?1 and (r.product = p or (r.product is null and r.organization = p.organization "
                + "and r.category = p.category)) order by r.product nulls last", link.keyValue()).firstResultOptional());
    }

    public static List<ColdChainRequirement> listByOrganization(Organization org) {
        return find("from ColdChainRequirement r left join fetch r.product where r.organization = ?1 "
                + "order by r.category nulls first, r.product.name", org).list();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
