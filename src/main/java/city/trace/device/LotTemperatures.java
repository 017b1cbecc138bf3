package city.trace.device;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import city.trace.device.coldchain.Sample;

/** The temperatures devices measured of a lot, in °C, per device, oldest first. */
public final class LotTemperatures {

    /** Temperature as a GS1 measurement type, written bare or as its Web Vocabulary IRI. */
    private static final List<String> TEMPERATURE = List.of("Temperature", "gs1:Temperature",
            "https://gs1.org/voc/Temperature");

    private LotTemperatures() {
    }

    /** Each device's samples of the lot (device id → samples by time). */
    @SuppressWarnings("unchecked")
    public static Map<Long, List<Sample>> byDevice(String lot) {
        List<Object[]> rows = Device.getEntityManager().createNativeQuery("select b.device_id, r.time, r.value, r.unit "
                + "from device_reading_lot l join device_reading_batch b on b.id = l.batch_id "
                + "join device_reading r on r.batch_id = l.batch_id where l.lot = ?1 and r.type in (?2, ?3, ?4) "
                + "and r.time between l.from_time and l.to_time "
                + "order by r.time, b.device_id").setParameter(1, lot).setParameter(2, TEMPERATURE.get(0))
                .setParameter(3, TEMPERATURE.get(1)).setParameter(4, TEMPERATURE.get(2)).getResultList();
        Map<Long, List<Sample>> samples = new LinkedHashMap<>();
        for (Object[] row : rows) {
            Instant time = row[1] instanceof Timestamp t ? t.toInstant() : (Instant) row[1];
            samples.computeIfAbsent(((Number) row[0]).longValue(), id -> new ArrayList<>())
                    .add(new Sample(time, celsius(((Number) row[2]).doubleValue(), (String) row[3])));
        }
        return samples;
    }

    /** Every device's samples of the lot together, by time. */
    public static List<Sample> all(String lot) {
        return byDevice(lot).values().stream().flatMap(List::stream)
                .sorted((a, b) -> a.time().compareTo(b.time())).toList();
    }

    static boolean isTemperature(String type) {
        return TEMPERATURE.contains(type);
    }

    /** A temperature in a UN/ECE Rec 20 unit (CEL, FAH, KEL) in °C; other units are taken as °C. */
    static double celsius(double value, String unit) {
        return switch (unit) {
            case "FAH" -> (value - 32) * 5 / 9;
            case "KEL" -> value - 273.15;
            default -> value;
        };
    }
}
