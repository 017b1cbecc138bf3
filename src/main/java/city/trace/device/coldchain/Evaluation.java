package city.trace.device.coldchain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A series of readings held against a {@link ColdChainRule}. For no readings: no excursions, not breached,
 * {@code meanKineticCelsius}, {@code first} and {@code last} null, {@code minObserved} and {@code maxObserved} NaN.
 *
 * @param meanKineticCelsius time-weighted, see {@link MeanKineticTemperature}
 * @param firstBreachAt when the rule was first broken: an excursion's start plus the tolerated time, or for a
 *        mean kinetic temperature above the ceiling the last reading (only the whole series has that mean)
 */
public record Evaluation(List<Excursion> excursions, Double meanKineticCelsius, double minObserved, double maxObserved,
        int sampleCount, Instant first, Instant last, boolean breached, Optional<Instant> firstBreachAt,
        boolean mktBreached) {

    public Evaluation {
        excursions = List.copyOf(excursions);
        Objects.requireNonNull(firstBreachAt, "firstBreachAt");
    }

    static Evaluation ofNoReadings() {
        return new Evaluation(List.of(), null, Double.NaN, Double.NaN, 0, null, null, false, Optional.empty(), false);
    }
}
