package city.trace.device.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.LongStream;

import city.trace.signedreadings.ReadingBatch.Reading;

/**
 * A cold-chain thermometer's readings: one every interval from the start, around a set temperature with
 * Gaussian noise, and optionally an excursion (a door left open) that a monitor should catch.
 */
final class TemperatureSeries {

    /**
     * A stretch of readings at another temperature.
     *
     * @param fromIndex the first reading of the stretch, counted from 0 over the whole run
     * @param length how long it lasts: the readings taken within it from the first one
     */
    record Excursion(long fromIndex, Duration length, double celsius) {

        boolean covers(long index, Duration interval) {
            return index >= fromIndex && interval.multipliedBy(index - fromIndex).compareTo(length) < 0;
        }
    }

    private final Instant start;
    private final Duration interval;
    private final double celsius;
    private final double noise;
    private final Optional<Excursion> excursion;
    private final RandomGenerator random;

    /** @param noise the standard deviation of the noise, in °C */
    TemperatureSeries(Instant start, Duration interval, double celsius, double noise, Optional<Excursion> excursion,
            RandomGenerator random) {
        this.start = start;
        this.interval = interval;
        this.celsius = celsius;
        this.noise = noise;
        this.excursion = excursion;
        this.random = random;
    }

    /** The readings {@code from}, {@code from + 1}, … of the run, to one decimal as a thermometer shows them. */
    List<Reading> readings(long from, int count) {
        return LongStream.range(from, from + count).mapToObj(this::reading).toList();
    }

    private Reading reading(long index) {
        double target = excursion.filter(stretch -> stretch.covers(index, interval)).map(Excursion::celsius)
                .orElse(celsius);
        BigDecimal value =
                BigDecimal.valueOf(target + noise * random.nextGaussian()).setScale(1, RoundingMode.HALF_EVEN);
        return new Reading(start.plus(interval.multipliedBy(index)), "Temperature", value, "CEL");
    }
}
