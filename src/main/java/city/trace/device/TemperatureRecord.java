package city.trace.device;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import city.trace.device.coldchain.ColdChain;
import city.trace.device.coldchain.Evaluation;
import city.trace.device.coldchain.ReadingChart;
import city.trace.device.coldchain.Sample;
import city.trace.signedreadings.ReadingBatch;

/**
 * A lot's temperature record: what registered devices measured of it while it was on board or on site (each
 * device's readings with the events that recorded them), held against its cold-chain requirement, if it has one.
 */
public record TemperatureRecord(String lot, List<DeviceSeries> series, ColdChainRequirement requirement,
        Evaluation evaluation) {

    /** Temperature as a GS1 measurement type, written bare or as its Web Vocabulary IRI. */
    private static final List<String> TEMPERATURE = List.of("Temperature", "gs1:Temperature",
            "https://gs1.org/voc/Temperature");
    private static final double ABSOLUTE_ZERO = -273.15;
    /** Later than any reading: the clock check takes none more than minutes ahead. */
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");
    /** A reading in °C, in SQL, as {@link #celsius} reads it. */
    private static final String CELSIUS = "(case r.unit when 'FAH' then (r.value - 32) * 5 / 9 "
            + "when 'KEL' then r.value - 273.15 else r.value end)";

    /** One device's readings of the lot, in °C by time, and the ids of the events that recorded them. */
    public record DeviceSeries(Device device, List<Sample> samples, Set<Long> eventIds) {
    }

    /** The lot's record (empty, and not held against any requirement, when nothing was measured). */
    public static TemperatureRecord of(String lot) {
        // most lots were never measured: their pages need no look at requirements
        List<DeviceSeries> series = series(lot, null, null);
        return of(lot, series, series.isEmpty() ? null : ColdChainRequirement.ofLot(lot).orElse(null));
    }

    /**
     * The evaluation of as much of the lot's record as tells whether readings from {@code from} to {@code to} broke
     * {@code requirement}, if they did: when it has no ceiling on the mean kinetic temperature (which needs every
     * reading), the readings from the last one inside the band before them to the first one inside it after them —
     * an excursion they are part of lies in between.
     */
    static Optional<Evaluation> breachAround(String lot, ColdChainRequirement requirement, Instant from, Instant to) {
        List<Object[]> readings;
        if (requirement.maxMktCelsius != null) {
            readings = readings(lot, null, null);
        } else if (!anyBatchOutsideBand(lot, requirement)) {
            return Optional.empty(); // an excursion needs a reading outside the band, which most lots never had
        } else {
            readings = readings(lot, nearestInBand(lot, requirement, from, Side.BEFORE),
                    nearestInBand(lot, requirement, to, Side.AFTER));
        }
        return Optional.of(ColdChain.evaluate(requirement.rule(), readings.stream().map(TemperatureRecord::sample).toList()))
                .filter(Evaluation::breached);
    }

    private static TemperatureRecord of(String lot, List<DeviceSeries> series, ColdChainRequirement requirement) {
        List<Sample> all = series.stream().flatMap(s -> s.samples().stream()).sorted(Sample.CHRONOLOGICAL).toList();
        return new TemperatureRecord(lot, series, requirement,
                requirement == null ? null : ColdChain.evaluate(requirement.rule(), all));
    }

    /**
     * Which way to look from an instant for the lot's nearest reading inside the band. The batches are read
     * nearest first, up to the first with such a reading; as batches arrive in any order and overlap, only those
     * reaching past that reading may hold a nearer one, so the nearest is taken over those alone.
     */
    private enum Side {
        BEFORE("max", "<", "l.from_time < ?5", "l.to_time desc", "l.to_time >= coalesce(%s, 'infinity')"),
        AFTER("min", ">", "l.to_time > ?5", "l.from_time", "l.from_time <= coalesce(%s, '-infinity')");

        private final String query;

        Side(String nearest, String side, String batches, String nearestFirst, String reaching) {
            String inBand = "r.type in (?2, ?3, ?4) and r.time between l.from_time and l.to_time and r.time " + side
                    + " ?5 and " + CELSIUS + " between ?6 and ?7";
            String firstFound = "(select found.time from (select (select " + nearest + "(r.time) from device_reading r "
                    + "where r.batch_id = l.batch_id and " + inBand + ") as time from device_reading_lot l where l.lot = ?1 "
                    + "and " + batches + " order by " + nearestFirst + ") found where found.time is not null limit 1)";
            this.query = "select " + nearest + "(r.time) from device_reading_lot l join device_reading r "
                    + "on r.batch_id = l.batch_id where l.lot = ?1 and " + batches + " and " + inBand + " and "
                    + reaching.formatted(firstFound);
        }
    }

    /** The time of the lot's reading inside the requirement's band nearest to {@code instant} on one side, if any. */
    private static Instant nearestInBand(String lot, ColdChainRequirement requirement, Instant instant, Side side) {
        Object nearest = Device.getEntityManager().createNativeQuery(side.query)
                .setParameter(1, lot).setParameter(2, TEMPERATURE.get(0)).setParameter(3, TEMPERATURE.get(1))
                .setParameter(4, TEMPERATURE.get(2)).setParameter(5, instant)
                .setParameter(6, floor(requirement)).setParameter(7, ceiling(requirement))
                .getSingleResult();
        return nearest instanceof Timestamp t ? t.toInstant() : (Instant) nearest;
    }

    /** Whether a batch ever measured the lot outside the requirement's band (from the batches' extremes). */
    private static boolean anyBatchOutsideBand(String lot, ColdChainRequirement requirement) {
        // the lowest and the highest as aggregates: read from the ends of the indexes in any plan, where an "exists"
        // may be planned as a scan of the whole table, expected to meet such a batch soon
        return (Boolean) Device.getEntityManager().createNativeQuery("select coalesce((select min(min_celsius) "
                + "from device_reading_lot where lot = ?1) < ?2 or (select max(max_celsius) from device_reading_lot "
                + "where lot = ?1) > ?3, false)").setParameter(1, lot)
                .setParameter(2, floor(requirement)).setParameter(3, ceiling(requirement))
                .getSingleResult();
    }

    /** The requirement's lowest allowed °C, the lowest number when it sets none (frozen goods: "≤ −18 °C"). */
    private static double floor(ColdChainRequirement requirement) {
        return requirement.minCelsius == null ? -Double.MAX_VALUE : requirement.minCelsius.doubleValue();
    }

    /** The requirement's highest allowed °C, the highest number when it sets none. */
    private static double ceiling(ColdChainRequirement requirement) {
        return requirement.maxCelsius == null ? Double.MAX_VALUE : requirement.maxCelsius.doubleValue();
    }

    /** The lowest and highest of these temperature readings (in °C) from {@code from} to {@code to}, if any. */
    static DoubleSummaryStatistics celsiusBetween(List<ReadingBatch.Reading> readings, Instant from, Instant to) {
        return readings.stream().filter(r -> isTemperature(r.type()) && !r.time().isBefore(from) && !r.time().isAfter(to))
                .mapToDouble(r -> celsius(r.value().doubleValue(), r.unit())).summaryStatistics();
    }

    /** Whether any registered device measured the lot. */
    public static boolean measured(String lot) {
        return !Device.getEntityManager().createNativeQuery("select 1 from device_reading_lot where lot = ?1 limit 1")
                .setParameter(1, lot).getResultList().isEmpty();
    }

    public boolean isEmpty() {
        return series.isEmpty();
    }

    public int readingCount() {
        return series.stream().mapToInt(s -> s.samples().size()).sum();
    }

    public double lowest() {
        return series.stream().flatMap(s -> s.samples().stream()).mapToDouble(Sample::value).min().orElse(Double.NaN);
    }

    public double highest() {
        return series.stream().flatMap(s -> s.samples().stream()).mapToDouble(Sample::value).max().orElse(Double.NaN);
    }

    /** The lot's readings (all devices) held against its requirement: a breach, if any. */
    public boolean breached() {
        return evaluation != null && evaluation.breached();
    }

    /** The record drawn as SVG; a series is marked verified when {@code verified} says so of it. */
    public String svg(ReadingChart.Labels labels, ZoneId zone, Predicate<DeviceSeries> verified) {
        return ReadingChart.svg(new ReadingChart.Chart(series.stream()
                .map(s -> new ReadingChart.Series(s.device().kind + " " + s.device().identifier, verified.test(s),
                        s.samples())).toList(),
                requirement == null || requirement.minCelsius == null ? null : requirement.minCelsius.doubleValue(),
                requirement == null || requirement.maxCelsius == null ? null : requirement.maxCelsius.doubleValue(),
                evaluation == null ? List.of() : evaluation.excursions(), zone, labels));
    }

    static boolean isTemperature(String type) {
        return TEMPERATURE.contains(type);
    }

    /** A temperature in a UN/ECE Rec 20 unit (CEL, FAH, KEL) in °C; other units are taken as °C. */
    static double celsius(double value, String unit) {
        return switch (unit) {
            case "FAH" -> (value - 32) * 5 / 9;
            case "KEL" -> value + ABSOLUTE_ZERO;
            default -> value;
        };
    }

    static boolean belowAbsoluteZero(double value, String unit) {
        return celsius(value, unit) < ABSOLUTE_ZERO;
    }

    /** Each device's readings of the lot within the times it was measured, from {@code from} until {@code until}. */
    private static List<DeviceSeries> series(String lot, Instant from, Instant until) {
        Map<Long, List<Sample>> samples = new LinkedHashMap<>();
        Map<Long, Set<Long>> events = new LinkedHashMap<>();
        for (Object[] row : readings(lot, from, until)) {
            long device = ((Number) row[0]).longValue();
            samples.computeIfAbsent(device, id -> new ArrayList<>()).add(sample(row));
            events.computeIfAbsent(device, id -> new HashSet<>()).add(((Number) row[1]).longValue());
        }
        Map<Long, Device> devices = new LinkedHashMap<>();
        if (!samples.isEmpty()) {
            Device.listByIds(samples.keySet()).forEach(d -> devices.put(d.id, d));
        }
        return samples.entrySet().stream().map(e -> new DeviceSeries(devices.get(e.getKey()), e.getValue(),
                events.get(e.getKey()))).sorted(Comparator.comparing(s -> s.device().identifier)).toList();
    }

    /**
     * The lot's temperature readings within the times it was measured, from {@code from} until {@code until}
     * (either open when null): device id, event id, time, value, unit, by device and time.
     */
    @SuppressWarnings("unchecked")
    private static List<Object[]> readings(String lot, Instant from, Instant until) {
        return Device.getEntityManager().createNativeQuery("select b.device_id, b.event_id, r.time, "
                + "r.value, r.unit from device_reading_lot l join device_reading_batch b on b.id = l.batch_id "
                + "join device_reading r on r.batch_id = l.batch_id where l.lot = ?1 and r.type in (?2, ?3, ?4) "
                + "and r.time between l.from_time and l.to_time and l.to_time >= ?5 and l.from_time <= ?6 "
                + "and r.time between ?5 and ?6 order by b.device_id, r.time")
                .setParameter(1, lot).setParameter(2, TEMPERATURE.get(0)).setParameter(3, TEMPERATURE.get(1))
                .setParameter(4, TEMPERATURE.get(2)).setParameter(5, from == null ? Instant.EPOCH : from)
                .setParameter(6, until == null ? END_OF_TIME : until).getResultList();
    }

    private static Sample sample(Object[] reading) {
        Instant time = reading[2] instanceof Timestamp t ? t.toInstant() : (Instant) reading[2];
        return new Sample(time, celsius(((Number) reading[3]).doubleValue(), (String) reading[4]));
    }
}
