package city.trace.device.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import city.trace.signedreadings.ReadingBatch.Reading;
import city.trace.device.sim.TemperatureSeries.Excursion;

class TemperatureSeriesTest {

    private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void readingsComeOneIntervalApartFromTheStart() {
        List<Reading> readings = new TemperatureSeries(START, MINUTE, 4.0, 0, Optional.empty(), new Random(1))
                .readings(60, 3);
        assertEquals(List.of(Instant.parse("2026-12-06T11:00:00Z"), Instant.parse("2026-12-06T11:01:00Z"),
                Instant.parse("2026-12-06T11:02:00Z")), readings.stream().map(Reading::time).toList());
        readings.forEach(reading -> {
            assertEquals(new BigDecimal("4.0"), reading.value());
            assertEquals("Temperature", reading.type());
            assertEquals("CEL", reading.unit());
        });
    }

    @Test
    void theExcursionCoversItsMinutesFromItsFirstReading() {
        // at reading 100, 5 minutes with a reading every 2 minutes: readings 100, 101 and 102 (minutes 0, 2 and 4)
        Excursion doorOpen = new Excursion(100, Duration.ofMinutes(5), 12.5);
        List<Reading> readings = new TemperatureSeries(START, Duration.ofMinutes(2), 4.0, 0, Optional.of(doorOpen),
                new Random(1)).readings(90, 20);
        List<Integer> warm = IntStream.range(0, readings.size())
                .filter(i -> readings.get(i).value().compareTo(new BigDecimal("12.5")) == 0).map(i -> i + 90).boxed().toList();
        assertEquals(List.of(100, 101, 102), warm);
    }

    @Test
    void noiseScattersAroundTheTemperatureToOneDecimal() {
        List<Reading> readings = new TemperatureSeries(START, MINUTE, 4.0, 0.3, Optional.empty(), new Random(7))
                .readings(0, 1_000);
        double mean = readings.stream().mapToDouble(reading -> reading.value().doubleValue()).average().orElseThrow();
        assertEquals(4.0, mean, 0.05);
        assertTrue(readings.stream().allMatch(reading -> reading.value().scale() == 1));
        assertTrue(readings.stream().map(Reading::value).distinct().count() > 10, "noisy");
    }
}
