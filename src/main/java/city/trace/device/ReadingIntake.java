package city.trace.device;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import city.trace.custody.Stock;
import city.trace.device.ReadingRefusedException.Reason;
import city.trace.signedreadings.BadSignatureException;
import city.trace.signedreadings.DeviceKey;
import city.trace.signedreadings.InvalidReadingsException;
import city.trace.signedreadings.ReadingBatch;
import city.trace.signedreadings.SignedReadings;
import city.trace.epcis.CaptureService;
import city.trace.epcis.EpcisConfig;
import city.trace.gs1.DigitalLink;
import city.trace.label.PublicConfig;
import city.trace.shipment.Shipment;
import io.agroal.api.AgroalDataSource;

/**
 * Takes a device's signed batch of readings: the signature against its registered key, the counter (a batch
 * carries a greater one than the last taken, so a replay is refused), the clock and the device's state; then
 * records the readings as one EPCIS sensor-reporting event about the lots on board or on site, and keeps the
 * signed payload as received so anyone can check the signature later. A refusal stores nothing.
 */
@ApplicationScoped
public class ReadingIntake {

    private static final String INSERT_BATCH = "insert into device_reading_batch (device_id, counter, jws, received_at, "
            + "event_id) values (?, ?, ?, ?, ?) returning id";
    private static final String INSERT_READINGS = "insert into device_reading (batch_id, time, type, value, unit) "
            + "select ?, * from unnest(?::timestamptz[], ?::text[], ?::float8[], ?::text[])";
    private static final String INSERT_LOTS = "insert into device_reading_lot (lot, batch_id, from_time, to_time, "
            + "min_celsius, max_celsius) select lot, ?, from_time, to_time, min_celsius, max_celsius from unnest("
            + "?::text[], ?::timestamptz[], ?::timestamptz[], ?::float8[], ?::float8[]) "
            + "as measured (lot, from_time, to_time, min_celsius, max_celsius)";

    /** What was taken: the event recording the readings and the lots they concern. */
    public record Accepted(int accepted, long counter, String eventId, List<String> lots) {
    }

    @Inject
    CaptureService captures;

    @Inject
    EpcisConfig epcis;

    @Inject
    DeviceConfig config;

    @Inject
    PublicConfig publicConfig;

    @Inject
    AgroalDataSource db;

    @Inject
    Event<ReadingsStored> stored;

    @Transactional
    public Accepted accept(long deviceId, String body) {
        Instant now = Instant.now();
        SignedReadings signed;
        try {
            signed = SignedReadings.parse(body == null ? "" : body);
        } catch (InvalidReadingsException e) {
            throw new ReadingRefusedException(Reason.MALFORMED, e.getMessage());
        }
        // one batch of a device at a time: the counter check and the update see each other
        Device device = Device.<Device>findByIdOptional(deviceId, LockModeType.PESSIMISTIC_WRITE).orElseThrow(
                () -> new ReadingRefusedException(Reason.UNKNOWN_DEVICE, "There is no device " + deviceId));
        ReadingBatch batch;
        try {
            batch = signed.verify(DeviceKey.parse(device.publicKey));
        } catch (BadSignatureException e) {
            throw new ReadingRefusedException(Reason.BAD_SIGNATURE, "The signature does not verify with device "
                    + deviceId + "'s registered key: " + e.getMessage());
        } catch (InvalidReadingsException e) {
            throw new ReadingRefusedException(Reason.MALFORMED, e.getMessage());
        }
        checkDevice(device, batch);
        checkReadings(batch, now);

        Instant first = batch.readings().stream().map(ReadingBatch.Reading::time).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = batch.readings().stream().map(ReadingBatch.Reading::time).max(Comparator.naturalOrder()).orElseThrow();
        List<Measured> measured = lotsMeasured(device, batch, first, last);
        List<String> lots = measured.stream().map(Measured::lot).toList();
        String base = publicConfig.baseUrl() + "/api/devices/" + device.id;
        CaptureService.Recorded event = captures.record(device.organization, DeviceEvents.readings(device, batch, lots,
                base, base + "/readings/" + batch.counter(), ZoneId.of(epcis.siteTimeZone())), DeviceEvents.NAMESPACES);
        long batchId = store(device, batch, signed.compact(), now, event.id(), measured);
        device.lastCounter = batch.counter();
        stored.fire(new ReadingsStored(device.id, batchId, lots, first, last));
        return new Accepted(batch.readings().size(), batch.counter(), event.eventId(), lots);
    }

    private static void checkDevice(Device device, ReadingBatch batch) {
        if (!batch.device().equals(device.identifier)) {
            throw new ReadingRefusedException(Reason.WRONG_DEVICE, "The readings are signed for " + batch.device()
                    + ", but device " + device.id + " is " + device.identifier);
        }
        if (device.status == Device.Status.RETIRED) {
            throw new ReadingRefusedException(Reason.DEVICE_RETIRED, "Device " + device.id + " was retired on "
                    + device.retiredAt + "; its readings are no longer taken");
        }
        if (device.status == Device.Status.SUSPENDED) {
            throw new ReadingRefusedException(Reason.DEVICE_SUSPENDED, "Device " + device.id
                    + " is suspended by its organisation; its readings are not taken until it is resumed");
        }
        if (batch.counter() <= device.lastCounter) {
            throw new ReadingRefusedException(Reason.REPLAYED_COUNTER, "Counter " + batch.counter()
                    + " was used already: the device's next batch must carry a counter above " + device.lastCounter);
        }
    }

    /**
     * Nothing measured ahead of the clock (beyond the allowed skew), long ago, or colder than absolute zero. A
     * reading's time is the device's own claim, as its value is: a logger may upload a trip after it ended.
     */
    private void checkReadings(ReadingBatch batch, Instant now) {
        for (int i = 0; i < batch.readings().size(); i++) {
            Instant time = batch.readings().get(i).time();
            if (time.isAfter(now.plus(config.maxClockSkewAhead()))) {
                throw new ReadingRefusedException(Reason.CLOCK_SKEW, "/readings/" + i + "/time: " + time
                        + " lies ahead of the server's clock (" + now + ") by more than " + config.maxClockSkewAhead()
                        + ": check the device's clock");
            }
            if (time.isBefore(now.minus(config.maxReadingAge()))) {
                throw new ReadingRefusedException(Reason.CLOCK_SKEW, "/readings/" + i + "/time: " + time
                        + " is older than " + config.maxReadingAge() + ": check the device's clock");
            }
            ReadingBatch.Reading reading = batch.readings().get(i);
            if (TemperatureRecord.isTemperature(reading.type())
                    && TemperatureRecord.belowAbsoluteZero(reading.value().doubleValue(), reading.unit())) {
                throw new ReadingRefusedException(Reason.MALFORMED, "/readings/" + i + "/value: " + reading.value()
                        + " " + reading.unit() + " is below absolute zero");
            }
        }
    }

    /** A lot the batch measured, from when until when. */
    private record Measured(String lot, Instant from, Instant to) {
    }

    /**
     * The lots the device's vehicle carried, or its site held, while it measured: for a vehicle each lot for the
     * part of the batch it was on board, and only if a reading falls in that part.
     */
    private static List<Measured> lotsMeasured(Device device, ReadingBatch batch, Instant first, Instant last) {
        List<Measured> spans = device.vehicle != null
                ? Shipment.lotsOnBoard(device.organization, device.vehicle, first, last).stream()
                        .map(on -> new Measured(on.lot(), later(on.from(), first),
                                on.until() == null || on.until().isAfter(last) ? last : on.until()))
                        .filter(m -> batch.readings().stream().anyMatch(r -> !r.time().isBefore(m.from())
                                && !r.time().isAfter(m.to())))
                        .toList()
                : Stock.itemsAt(device.site.gln, last).stream().filter(item -> DigitalLink.parseLot(item).isPresent())
                        .map(lot -> new Measured(lot, first, last)).toList();
        // a lot on two shipments of the vehicle: measured from the first loading to the last unloading
        Map<String, Measured> measured = new LinkedHashMap<>();
        spans.forEach(span -> measured.merge(span.lot(), span, (a, b) -> new Measured(a.lot(),
                a.from().isBefore(b.from()) ? a.from() : b.from(), later(a.to(), b.to()))));
        if (measured.isEmpty()) {
            throw new ReadingRefusedException(Reason.NOTHING_ON_BOARD, device.vehicle != null
                    ? "Vehicle " + device.vehicle + " carried no lot between " + first + " and " + last
                            + " (no shipment of it had departed and not arrived): the readings concern nothing"
                    : device.site.name + " held no lot at " + last + ": the readings concern nothing");
        }
        return List.copyOf(measured.values());
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private long store(Device device, ReadingBatch batch, String jws, Instant now, long eventId, List<Measured> lots) {
        try (Connection c = db.getConnection()) {
            long batchId;
            try (PreparedStatement insert = c.prepareStatement(INSERT_BATCH)) {
                insert.setLong(1, device.id);
                insert.setLong(2, batch.counter());
                insert.setString(3, jws);
                insert.setTimestamp(4, Timestamp.from(now));
                insert.setLong(5, eventId);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    batchId = rs.getLong(1);
                }
            }
            List<ReadingBatch.Reading> readings = batch.readings();
            try (PreparedStatement insert = c.prepareStatement(INSERT_READINGS)) {
                insert.setLong(1, batchId);
                insert.setArray(2, c.createArrayOf("timestamptz",
                        readings.stream().map(r -> Timestamp.from(r.time())).toArray()));
                insert.setArray(3, c.createArrayOf("text", readings.stream().map(ReadingBatch.Reading::type).toArray()));
                insert.setArray(4, c.createArrayOf("float8", readings.stream().map(r -> r.value().doubleValue()).toArray()));
                insert.setArray(5, c.createArrayOf("text", readings.stream().map(ReadingBatch.Reading::unit).toArray()));
                insert.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(INSERT_LOTS)) {
                insert.setLong(1, batchId);
                insert.setArray(2, c.createArrayOf("text", lots.stream().map(Measured::lot).toArray()));
                insert.setArray(3, c.createArrayOf("timestamptz", lots.stream().map(m -> Timestamp.from(m.from())).toArray()));
                insert.setArray(4, c.createArrayOf("timestamptz", lots.stream().map(m -> Timestamp.from(m.to())).toArray()));
                List<DoubleSummaryStatistics> temperatures = lots.stream()
                        .map(m -> TemperatureRecord.celsiusBetween(readings, m.from(), m.to())).toList();
                insert.setArray(5, c.createArrayOf("float8", temperatures.stream()
                        .map(t -> t.getCount() == 0 ? null : t.getMin()).toArray()));
                insert.setArray(6, c.createArrayOf("float8", temperatures.stream()
                        .map(t -> t.getCount() == 0 ? null : t.getMax()).toArray()));
                insert.executeUpdate();
            }
            return batchId;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store device " + device.id + "'s readings: " + e.getMessage(), e);
        }
    }
}
