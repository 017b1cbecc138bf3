package city.trace.device.coldchain;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/** One temperature reading: {@code value} in °C, measured at {@code time}. */
public record Sample(Instant time, double value) {

    /**
     * By time, and readings at the same instant by value, so that a result never depends on the order in which
     * readings arrived (a database may return equal timestamps in any order).
     */
    public static final Comparator<Sample> CHRONOLOGICAL = Comparator.comparing(Sample::time)
            .thenComparingDouble(Sample::value);

    public Sample {
        Objects.requireNonNull(time, "time");
        Temperatures.requirePhysical("reading", value);
    }
}
