package city.trace.shipment;

import java.math.BigDecimal;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import city.trace.batch.Batch;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** How much of one batch travels in a shipment (in the batch's unit). */
@Entity
public class ShipmentItem extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Shipment shipment;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Batch batch;

    public BigDecimal quantity;

    public static List<ShipmentItem> listByBatch(Batch batch) {
        return find("from ShipmentItem i join fetch i.shipment s join fetch s.destinationSite "
                + "join fetch s.carrier where i.batch = ?1 order by s.createdAt", batch).list();
    }
}
