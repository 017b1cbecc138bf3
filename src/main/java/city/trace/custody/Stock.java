package city.trace.custody;

import java.math.BigDecimal;
import java.time.Instant;
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

    /** What a site held at a moment: the items its ledger had a positive quantity of, by the events until then. */
    @SuppressWarnings("unchecked")
    public static List<String> itemsAt(String gln, Instant time) {
        return getEntityManager().createNativeQuery("select m.item from stock_movement m join epcis_event e "
                + "on e.id = m.event_id where m.place = ?1 and e.event_time <= ?2 group by m.item "
                + "having sum(m.quantity) > 0 order by m.item").setParameter(1, Place.siteOf(gln))
                .setParameter(2, time).getResultList();
    }

    public Measure measure() {
        return new Measure(quantity, unit);
    }
}
