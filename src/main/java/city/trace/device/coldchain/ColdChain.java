package city.trace.device.coldchain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import city.trace.device.coldchain.Excursion.Direction;

/**
 * Holds a series of temperature readings against a {@link ColdChainRule}.
 * <ul>
 * <li>Readings may come in any order; they are taken by time (at one instant by value, see
 * {@link Sample#CHRONOLOGICAL}), and several at one instant are allowed.</li>
 * <li>The band is inclusive: exactly 2.0 or 8.0 °C is within 2–8 °C.</li>
 * <li>A reading holds until the next one (a step function), for excursions as for the mean kinetic temperature.</li>
 * <li>An excursion starts at the first reading outside the band and ends at the next reading back in it or on the
 * other side of it (above, then directly below, is two excursions). A series that ends outside ends its excursion
 * at the last reading, marked ongoing. So one reading outside between two inside lasts the interval until the next.</li>
 * <li>An excursion is a breach when it lasts strictly longer than the rule tolerates; an ongoing one may become one.</li>
 * <li>The mean kinetic temperature is breached when it is strictly above the rule's ceiling.</li>
 * </ul>
 */
public final class ColdChain {

    private ColdChain() {
    }

    public static Evaluation evaluate(ColdChainRule rule, List<Sample> samples) {
        Objects.requireNonNull(rule, "rule");
        List<Sample> chronological = samples.stream().sorted(Sample.CHRONOLOGICAL).toList();
        if (chronological.isEmpty()) {
            return Evaluation.ofNoReadings();
        }
        List<Excursion> excursions = excursions(rule, chronological);
        double meanKinetic = MeanKineticTemperature.ofChronological(chronological,
                MeanKineticTemperature.DEFAULT_ACTIVATION_TEMPERATURE_KELVIN);
        boolean mktBreached = rule.maxMeanKineticCelsius() != null && meanKinetic > rule.maxMeanKineticCelsius();
        Instant last = chronological.getLast().time();
        Optional<Instant> firstBreachAt = Stream.concat(
                excursions.stream().filter(Excursion::breach).map(e -> e.start().plus(rule.toleratedExcursion())),
                mktBreached ? Stream.of(last) : Stream.empty())
                .min(Comparator.naturalOrder());
        DoubleSummaryStatistics values = chronological.stream().mapToDouble(Sample::value).summaryStatistics();
        return new Evaluation(excursions, meanKinetic, values.getMin(), values.getMax(), chronological.size(),
                chronological.getFirst().time(), last, firstBreachAt.isPresent(), firstBreachAt, mktBreached);
    }

    private static List<Excursion> excursions(ColdChainRule rule, List<Sample> chronological) {
        List<Excursion> found = new ArrayList<>();
        Direction open = null;
        Instant openedAt = null;
        double extreme = Double.NaN;
        for (Sample sample : chronological) {
            Direction side = outside(rule, sample.value());
            if (open != null && side != open) {
                found.add(excursion(rule, open, openedAt, sample.time(), extreme, false));
                open = null;
            }
            if (side != null && open == null) {
                open = side;
                openedAt = sample.time();
                extreme = sample.value();
            } else if (side != null) {
                extreme = side == Direction.ABOVE ? Math.max(extreme, sample.value()) : Math.min(extreme, sample.value());
            }
        }
        if (open != null) {
            found.add(excursion(rule, open, openedAt, chronological.getLast().time(), extreme, true));
        }
        return found;
    }

    /** The side of the band a reading lies on, null within it. */
    private static Direction outside(ColdChainRule rule, double celsius) {
        if (rule.allows(celsius)) {
            return null;
        }
        return rule.maxCelsius() != null && celsius > rule.maxCelsius() ? Direction.ABOVE : Direction.BELOW;
    }

    private static Excursion excursion(ColdChainRule rule, Direction direction, Instant start, Instant end,
            double extreme, boolean ongoing) {
        Duration duration = Duration.between(start, end);
        return new Excursion(start, end, direction, extreme, duration, ongoing,
                duration.compareTo(rule.toleratedExcursion()) > 0);
    }
}
