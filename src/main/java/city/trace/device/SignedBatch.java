package city.trace.device;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A batch of readings exactly as its device signed it (a JWS), and the event that recorded its readings. */
@Entity
@Table(name = "device_reading_batch")
public class SignedBatch extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Device device;

    public long counter;

    /** The compact JWS as received, byte for byte. */
    public String jws;

    public Instant receivedAt;

    /** The epcis_event row that records the readings. */
    public long eventId;

    public static Optional<String> jwsOf(long deviceId, long counter) {
        return find("device.id = ?1 and counter = ?2", deviceId, counter).<SignedBatch>firstResultOptional()
                .map(batch -> batch.jws);
    }

    /** A device's latest batches, newest first. */
    public static List<SignedBatch> listRecent(Device device, int limit) {
        return find("device = ?1 order by counter desc", device).page(0, limit).list();
    }

    /** The signed batches behind these events (by epcis_event id), with their devices. */
    public static List<SignedBatch> listByEvents(Collection<Long> eventIds) {
        return eventIds.isEmpty() ? List.of()
                : find("from SignedBatch b join fetch b.device where b.eventId in ?1", eventIds).list();
    }
}
