package city.trace.custody;

import java.math.BigDecimal;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * How much of a lot one place holds now: the stock ledger summed (kept by the database, read only here).
 * Quantities are in the unit's base (see {@link Measure}).
 */
@Entity
@Immutable
public class Stock extends PanacheEntityBase {

    @Id
    public Long id;

    /** The lot, as canonical GS1 Digital Link. */
    public String item;

    /** {@code site:<GLN>} or {@code transit:<key>} (see {@link Place}). */
    public String place;

    public Long holderId;

    public String destination;

    public BigDecimal quantity;

    public String unit;

    /** What an organisation holds at its sites (not what it carries). */
    public static List<Stock> listAtSitesOf(long organizationId) {
        return list("holderId = ?1 and place like 'site:%' and quantity > 0 order by item, place", organizationId);
    }

    /** How much of a lot a site holds (in base units). */
    public static BigDecimal at(String item, String gln) {
        return find("item = ?1 and place = ?2", item, Place.siteOf(gln)).<Stock>firstResultOptional()
                .map(stock -> stock.quantity).orElse(BigDecimal.ZERO);
    }

    public Measure measure() {
        return new Measure(quantity, unit);
    }
}
