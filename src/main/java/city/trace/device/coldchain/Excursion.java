package city.trace.device.coldchain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A stretch outside the allowed band on one side of it, from the first reading outside to the next reading back
 * in the band or on the other side ({@code ongoing}: the series ended outside, so {@code end} is its last
 * reading and the excursion may still grow).
 *
 * @param extreme the warmest reading of an {@link Direction#ABOVE} excursion, the coldest of a {@link Direction#BELOW} one
 * @param duration {@code end - start}
 * @param breach the duration is longer than the rule tolerates
 */
public record Excursion(Instant start, Instant end, Direction direction, double extreme, Duration duration,
        boolean ongoing, boolean breach) {

    public enum Direction {
        ABOVE, BELOW
    }

    public Excursion {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(duration, "duration");
    }
}
