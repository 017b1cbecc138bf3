package city.trace.batch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import city.trace.org.Organization;
import city.trace.product.Product;
import city.trace.site.Site;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A lot of a product made at one site on one day: what the QR code on a package points to. */
@Entity
public class Batch extends PanacheEntityBase {

    public enum Status {
        ACTIVE("In stock"), IN_TRANSIT("In transit"), DELIVERED("Delivered"), CONSUMED("Consumed"), RECALLED("Recalled");

        public final String label;

        Status(String label) {
            this.label = label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Product product;

    public String lot;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Site site;

    public LocalDate productionDate;

    public LocalDate bestBefore;

    public BigDecimal quantity;

    @Enumerated(EnumType.STRING)
    public Unit unit;

    @Enumerated(EnumType.STRING)
    public Status status = Status.ACTIVE;

    public Instant createdAt = Instant.now();

    /** The organisation that made the batch: the product's owner. */
    public Organization owner() {
        return product.organization;
    }

    public boolean ownedBy(Organization org) {
        return product.belongsTo(org);
    }

    public static Optional<Batch> findByProductAndLot(Product product, String lot) {
        return find("product = ?1 and lot = ?2", product, lot).firstResultOptional();
    }

    public static List<Batch> listRecentByOrganization(Organization org, int limit) {
        return find("from Batch b join fetch b.product p join fetch b.site where p.organization = ?1 "
                + "order by b.createdAt desc, b.id desc", org).page(0, limit).list();
    }

    /** The newest batches of every organisation, for regulators. */
    public static List<Batch> listRecent(int limit) {
        return find("from Batch b join fetch b.product p join fetch p.organization join fetch b.site "
                + "order by b.createdAt desc, b.id desc").page(0, limit).list();
    }

    /**
     * Batches an organisation may process: its own in stock, and others' delivered to one of its sites.
     */
    public static List<Batch> listUsableBy(Organization org) {
        return find("from Batch b join fetch b.product p join fetch p.organization where "
                + "(p.organization = ?1 and b.status = ?2) or (b.status = ?3 and exists (select 1 from ShipmentItem i "
                + "where i.batch = b and i.shipment.status = ?4 and i.shipment.destinationSite.organization = ?1)) "
                + "order by p.name, b.lot", org, Status.ACTIVE, Status.DELIVERED,
                city.trace.shipment.Shipment.Status.ARRIVED).list();
    }

    /** The organisation's batches that can still be shipped (in stock), for the shipment form. */
    public static List<Batch> listShippableByOrganization(Organization org) {
        return find("from Batch b join fetch b.product p where p.organization = ?1 and b.status = ?2 "
                + "order by p.name, b.lot", org, Status.ACTIVE).list();
    }
}
