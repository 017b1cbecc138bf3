package city.trace.shipment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

import city.trace.gs1.DigitalLink;
import city.trace.org.Organization;
import city.trace.site.Site;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Batches on their way from one site to another, moved by a carrier. */
@Entity
public class Shipment extends PanacheEntityBase {

    public enum Status {
        PLANNED("Planned"), DEPARTED("Departed"), ARRIVED("Arrived");

        public final String label;

        Status(String label) {
            this.label = label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Organization shipper;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Organization carrier;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Site originSite;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Site destinationSite;

    @Enumerated(EnumType.STRING)
    public Status status = Status.PLANNED;

    /** How a carrier names a vehicle (e.g. its licence plate). */
    public static final String VEHICLE = "[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}";

    /** The carrier's vehicle that carries it, as the carrier names it: its devices speak for the goods. */
    public String vehicle;

    public Instant departedAt;

    public Instant arrivedAt;

    public Instant createdAt = Instant.now();

    @OneToMany(mappedBy = "shipment", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<ShipmentItem> items = new ArrayList<>();

    /** Shipments an organisation sends, carries or receives, newest first. */
    public static List<Shipment> listInvolving(Organization org, int limit) {
        return find("from Shipment s join fetch s.originSite join fetch s.destinationSite d join fetch s.carrier "
                + "join fetch s.shipper where s.shipper = ?1 or s.carrier = ?1 or d.organization = ?1 "
                + "order by s.createdAt desc, s.id desc", org).page(0, limit).list();
    }

    /** A lot on a vehicle from departure until arrival (null: still on board). */
    public record OnBoard(String lot, Instant from, Instant until) {
    }

    /**
     * The lots (canonical Digital Links) a carrier's vehicle had on board at some moment between {@code from} and
     * {@code to}: the items of its shipments that had departed and not yet arrived, each with its time on board.
     */
    public static List<OnBoard> lotsOnBoard(Organization carrier, String vehicle, Instant from, Instant to) {
        return getEntityManager().createQuery("select b.product.gtin, b.lot, s.departedAt, s.arrivedAt from Shipment s "
                + "join s.items i join i.batch b where s.carrier.id = ?1 and s.vehicle = ?2 and s.departedAt <= ?3 "
                + "and (s.arrivedAt is null or s.arrivedAt >= ?4) order by s.departedAt", Object[].class)
                // the carrier by id: with an entity as parameter Hibernate translates the query anew each time
                .setParameter(1, carrier.id).setParameter(2, vehicle).setParameter(3, to).setParameter(4, from)
                .getResultList().stream().map(row -> new OnBoard(DigitalLink.lot((String) row[0], (String) row[1]).toUri(),
                        (Instant) row[2], (Instant) row[3]))
                .toList();
    }

    public boolean involves(Organization org) {
        return shipper.id.equals(org.id) || carrier.id.equals(org.id) || destinationSite.belongsTo(org);
    }

    /** The shipper hands over and the carrier picks up: either may record departure. */
    public boolean canDepart(Organization org) {
        return status == Status.PLANNED && (shipper.id.equals(org.id) || carrier.id.equals(org.id));
    }

    /** The carrier delivers and the receiver takes in: either may record arrival. */
    public boolean canArrive(Organization org) {
        return status == Status.DEPARTED && (carrier.id.equals(org.id) || destinationSite.belongsTo(org));
    }
}
