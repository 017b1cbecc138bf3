package city.trace.device.coldchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import city.trace.device.coldchain.Excursion.Direction;

class ColdChainTest {

    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
    private static final ColdChainRule FRIDGE = ColdChainRule.between(2.0, 8.0, Duration.ofMinutes(30));

    /** Readings at the given minutes after T0: minute, value, minute, value, ... */
    private static List<Sample> readings(double... minuteValuePairs) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < minuteValuePairs.length; i += 2) {
            samples.add(new Sample(T0.plusSeconds(Math.round(minuteValuePairs[i] * 60)), minuteValuePairs[i + 1]));
        }
        return samples;
    }

    private static Instant minute(long minutes) {
        return T0.plusSeconds(minutes * 60);
    }

    @Test
    void theBoundsThemselvesAreInsideTheBand() {
        Evaluation atTheBounds = ColdChain.evaluate(FRIDGE, readings(0, 2.0, 60, 8.0, 120, 5.0));
        assertEquals(List.of(), atTheBounds.excursions());
        assertFalse(atTheBounds.breached());

        Evaluation justAbove = ColdChain.evaluate(FRIDGE, readings(0, 8.0, 10, 8.01, 20, 8.0));
        Excursion excursion = justAbove.excursions().getFirst();
        assertEquals(Direction.ABOVE, excursion.direction());
        assertEquals(8.01, excursion.extreme());
        assertEquals(minute(10), excursion.start());
        assertEquals(minute(20), excursion.end());

        Evaluation justBelow = ColdChain.evaluate(FRIDGE, readings(0, 1.99, 10, 2.0));
        assertEquals(Direction.BELOW, justBelow.excursions().getFirst().direction());
    }

    @Test
    void anExcursionIsABreachOnlyWhenLongerThanTolerated() {
        Excursion exactly = ColdChain.evaluate(FRIDGE, readings(0, 5, 10, 9, 40, 5)).excursions().getFirst();
        assertEquals(Duration.ofMinutes(30), exactly.duration());
        assertFalse(exactly.breach());
        assertFalse(exactly.ongoing());

        Evaluation longer = ColdChain.evaluate(FRIDGE, readings(0, 5, 10, 9, 41, 5));
        assertEquals(Duration.ofMinutes(31), longer.excursions().getFirst().duration());
        assertTrue(longer.excursions().getFirst().breach());
        assertTrue(longer.breached());
        assertEquals(Optional.of(minute(40)), longer.firstBreachAt());
    }

    @Test
    void zeroToleranceMakesAnyExcursionThatLastsABreach() {
        ColdChainRule strict = ColdChainRule.between(2, 8, Duration.ZERO);
        assertTrue(ColdChain.evaluate(strict, readings(0, 9, 1, 5)).breached());
        assertEquals(Optional.of(T0), ColdChain.evaluate(strict, readings(0, 9, 1, 5)).firstBreachAt());
    }

    @Test
    void oneReadingOutsideLastsUntilTheNextReading() {
        Excursion spike = ColdChain.evaluate(FRIDGE, readings(0, 5, 15, 12.5, 20, 6)).excursions().getFirst();
        assertEquals(minute(15), spike.start());
        assertEquals(Duration.ofMinutes(5), spike.duration());
        assertEquals(12.5, spike.extreme());
    }

    @Test
    void aSeriesEndingOutsideHasAnOngoingExcursionThatMayBecomeABreach() {
        Evaluation soFar = ColdChain.evaluate(FRIDGE, readings(0, 5, 10, 9, 30, 11, 35, 10));
        Excursion ongoing = soFar.excursions().getFirst();
        assertTrue(ongoing.ongoing());
        assertEquals(minute(35), ongoing.end());
        assertEquals(Duration.ofMinutes(25), ongoing.duration());
        assertEquals(11, ongoing.extreme());
        assertFalse(ongoing.breach());

        Evaluation later = ColdChain.evaluate(FRIDGE, readings(0, 5, 10, 9, 30, 11, 35, 10, 50, 9.5));
        assertTrue(later.excursions().getFirst().ongoing());
        assertTrue(later.excursions().getFirst().breach());
        assertEquals(Optional.of(minute(40)), later.firstBreachAt());
    }

    @Test
    void aboveThenDirectlyBelowIsTwoExcursions() {
        List<Excursion> excursions = ColdChain.evaluate(FRIDGE, readings(0, 9, 10, 10, 20, 1, 30, 0.5, 40, 4))
                .excursions();
        assertEquals(2, excursions.size());
        assertEquals(new Excursion(minute(0), minute(20), Direction.ABOVE, 10, Duration.ofMinutes(20), false, false),
                excursions.get(0));
        assertEquals(new Excursion(minute(20), minute(40), Direction.BELOW, 0.5, Duration.ofMinutes(20), false, false),
                excursions.get(1));
    }

    @Test
    void aFrozenRuleHasOnlyACeiling() {
        ColdChainRule frozen = ColdChainRule.atMost(-18, Duration.ofMinutes(15));
        Evaluation evaluation = ColdChain.evaluate(frozen, readings(0, -25, 10, -40, 20, -15, 60, -19));
        assertEquals(1, evaluation.excursions().size());
        Excursion thaw = evaluation.excursions().getFirst();
        assertEquals(Direction.ABOVE, thaw.direction());
        assertEquals(Duration.ofMinutes(40), thaw.duration());
        assertTrue(thaw.breach());
        assertEquals(Optional.of(minute(35)), evaluation.firstBreachAt());
        assertEquals(-40, evaluation.minObserved());
        assertEquals(-15, evaluation.maxObserved());
    }

    @Test
    void theOrderOfTheInputDoesNotMatter() {
        List<Sample> inOrder = readings(0, 5, 10, 9, 20, 12, 50, 5, 60, 1, 70, 3, 80, 3, 80, 9);
        List<Sample> shuffled = new ArrayList<>(inOrder);
        Collections.shuffle(shuffled, new Random(7));
        Collections.reverse(shuffled);
        Evaluation expected = ColdChain.evaluate(FRIDGE, inOrder);
        assertEquals(expected, ColdChain.evaluate(FRIDGE, shuffled));
        assertEquals(T0, expected.first());
        assertEquals(minute(80), expected.last());
        assertEquals(8, expected.sampleCount());
    }

    @Test
    void readingsAtTheSameInstantAreTakenColdestFirst() {
        // 3 and 9 at minute 80: the warmer one holds, so the series ends outside the band
        Excursion last = ColdChain.evaluate(FRIDGE, readings(0, 5, 80, 9, 80, 3)).excursions().getLast();
        assertEquals(minute(80), last.start());
        assertTrue(last.ongoing());
        assertEquals(Duration.ZERO, last.duration());
    }

    @Test
    void theFirstBreachIsTheEarliestOfAllBreaches() {
        ColdChainRule rule = new ColdChainRule(2.0, 8.0, Duration.ofMinutes(30), 6.0);
        // a short excursion (no breach), a long one from minute 100 (breach at 130), and a too warm mean overall
        Evaluation evaluation = ColdChain.evaluate(rule, readings(0, 7.5, 10, 9, 20, 7.5, 100, 1, 200, 7.9, 300, 7.9));
        assertFalse(evaluation.excursions().get(0).breach());
        assertTrue(evaluation.excursions().get(1).breach());
        assertTrue(evaluation.mktBreached());
        assertEquals(Optional.of(minute(130)), evaluation.firstBreachAt());
    }

    @Test
    void aMeanKineticTemperatureAboveTheCeilingIsABreachAtTheLastReading() {
        ColdChainRule rule = new ColdChainRule(2.0, 8.0, Duration.ofHours(1), 7.0);
        Evaluation warmButInBand = ColdChain.evaluate(rule, readings(0, 7.5, 60, 7.8, 120, 7.2));
        assertEquals(List.of(), warmButInBand.excursions());
        assertTrue(warmButInBand.meanKineticCelsius() > 7.0);
        assertTrue(warmButInBand.mktBreached());
        assertTrue(warmButInBand.breached());
        assertEquals(Optional.of(minute(120)), warmButInBand.firstBreachAt());

        Evaluation cool = ColdChain.evaluate(rule, readings(0, 4, 60, 5, 120, 4));
        assertFalse(cool.mktBreached());
        assertFalse(cool.breached());
        assertEquals(Optional.empty(), cool.firstBreachAt());
    }

    @Test
    void noReadingsIsNoBreachAndNoMean() {
        Evaluation nothing = ColdChain.evaluate(FRIDGE, List.of());
        assertEquals(List.of(), nothing.excursions());
        assertFalse(nothing.breached());
        assertFalse(nothing.mktBreached());
        assertNull(nothing.meanKineticCelsius());
        assertTrue(Double.isNaN(nothing.minObserved()));
        assertTrue(Double.isNaN(nothing.maxObserved()));
        assertNull(nothing.first());
        assertNull(nothing.last());
        assertEquals(0, nothing.sampleCount());
        assertEquals(Optional.empty(), nothing.firstBreachAt());
    }

    @Test
    void nonsenseRulesAreRefusedWithAReadableMessage() {
        assertRefused("below the highest", () -> ColdChainRule.between(8, 2, Duration.ZERO));
        assertRefused("below the highest", () -> ColdChainRule.between(5, 5, Duration.ZERO));
        assertRefused("needs a lowest or a highest", () -> new ColdChainRule(null, null, Duration.ZERO, null));
        assertRefused("cannot be negative", () -> ColdChainRule.between(2, 8, Duration.ofMinutes(-5)));
        assertRefused("missing", () -> ColdChainRule.between(2, 8, null));
        assertRefused("number of degrees", () -> ColdChainRule.between(Double.NaN, 8, Duration.ZERO));
        assertRefused("number of degrees", () -> ColdChainRule.atMost(Double.POSITIVE_INFINITY, Duration.ZERO));
        assertRefused("absolute zero", () -> ColdChainRule.between(-300, 8, Duration.ZERO));
        assertRefused("mean kinetic", () -> new ColdChainRule(2.0, 8.0, Duration.ZERO, Double.NaN));
        assertRefused("absolute zero", () -> new Sample(T0, -274));
        assertRefused("number of degrees", () -> new Sample(T0, Double.NaN));
    }

    private static void assertRefused(String messagePart, Runnable construction) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, construction::run);
        assertTrue(refused.getMessage().contains(messagePart), refused.getMessage());
    }

    /**
     * A published worked example: the README of the PostgreSQL aggregate zelti/mkt
     * (https://github.com/zelti/mkt, "Usage example") gives mkt of 2, 2, 5, 8, 8, 8, 8 °C as 6.25 °C, with
     * ΔH = 83.14472 kJ/mol and R = 0.008314472 kJ/(mol·K), so ΔH/R = 10,000 K as here; equally spaced readings,
     * USP's unweighted formula. Stated to two decimals, so within 0.01 °C.
     */
    @Test
    void aPublishedWorkedExample() {
        List<Sample> daily = IntStream.range(0, 7)
                .mapToObj(day -> new Sample(T0.plus(Duration.ofDays(day)), new double[] { 2, 2, 5, 8, 8, 8, 8 }[day]))
                .toList();
        assertEquals(6.25, MeanKineticTemperature.celsius(daily), 0.01);
        assertEquals(6.25, ColdChain.evaluate(FRIDGE, daily).meanKineticCelsius(), 0.01);
        assertEquals(6.25, MeanKineticTemperature.celsius(daily, MeanKineticTemperature.DEFAULT_ACTIVATION_ENERGY_KJ_PER_MOL),
                0.01);
    }

    @Test
    void aConstantSeriesHasThatTemperatureAsItsMean() {
        for (double celsius : new double[] { -80, -18, 0, 5, 25, 40 }) {
            assertEquals(celsius, MeanKineticTemperature.celsius(readings(0, celsius, 7, celsius, 300, celsius)), 1e-9);
        }
        assertEquals(4.2, MeanKineticTemperature.celsius(readings(0, 4.2)), 1e-9);
    }

    @Test
    void theMeanKineticTemperatureIsNeverBelowTheTimeWeightedArithmeticMean() {
        Random random = new Random(1079);
        for (int round = 0; round < 200; round++) {
            List<Sample> samples = new ArrayList<>();
            int count = 2 + random.nextInt(50);
            double minutes = 0;
            for (int i = 0; i < count; i++, minutes += 1 + random.nextInt(60)) {
                samples.add(new Sample(minute((long) minutes), -30 + 70 * random.nextDouble()));
            }
            double mkt = MeanKineticTemperature.celsius(samples);
            assertTrue(mkt >= timeWeightedMean(samples) - 1e-9, "round " + round);
            assertTrue(mkt <= samples.stream().mapToDouble(Sample::value).max().orElseThrow() + 1e-9);
        }
    }

    /** The arithmetic mean with the same weights as the MKT: each reading until the next, the last as the one before. */
    private static double timeWeightedMean(List<Sample> chronological) {
        double sum = 0;
        double weights = 0;
        for (int i = 0; i < chronological.size(); i++) {
            int next = i + 1 < chronological.size() ? i + 1 : i;
            int from = next == i ? i - 1 : i;
            double weight = Duration.between(chronological.get(from).time(), chronological.get(next).time()).toSeconds();
            sum += weight * chronological.get(i).value();
            weights += weight;
        }
        return sum / weights;
    }

    @Test
    void withEqualSpacingTheWeightingDoesNotMatter() {
        double[] values = { 3, 7.5, 12, 4, 6, 2.5, 9 };
        double hourly = MeanKineticTemperature.celsius(spaced(values, Duration.ofHours(1)));
        double weekly = MeanKineticTemperature.celsius(spaced(values, Duration.ofDays(7)));
        assertEquals(unweightedUspFormula(values), hourly, 1e-9);
        assertEquals(hourly, weekly, 1e-9);
    }

    @Test
    void aReadingWeighsAsLongAsItHolds() {
        // 20 °C held for three hours, then 2 °C for one, read again at its end (weighing as the hour before it):
        // as 20, 20, 20, 2, 2 read hourly
        double uneven = MeanKineticTemperature.celsius(readings(0, 20, 180, 2, 240, 2));
        assertEquals(unweightedUspFormula(new double[] { 20, 20, 20, 2, 2 }), uneven, 1e-9);
        assertTrue(uneven > MeanKineticTemperature.celsius(readings(0, 20, 60, 2, 240, 2)));
    }

    @Test
    void aProductsOwnHeatOfActivationChangesTheWeighting() {
        List<Sample> samples = readings(0, 2, 60, 20);
        double gentle = MeanKineticTemperature.celsius(samples, 40);
        double steep = MeanKineticTemperature.celsius(samples, 150);
        assertTrue(gentle < MeanKineticTemperature.celsius(samples) && MeanKineticTemperature.celsius(samples) < steep);
        assertThrows(IllegalArgumentException.class, () -> MeanKineticTemperature.celsius(samples, 0));
        assertThrows(IllegalArgumentException.class, () -> MeanKineticTemperature.celsius(List.of()));
    }

    @Test
    void deepFrozenReadingsDoNotUnderflow() {
        double mkt = MeanKineticTemperature.celsius(readings(0, -196, 60, -190, 120, -196));
        assertTrue(mkt > -196 && mkt < -190, "liquid nitrogen: " + mkt);
    }

    private static List<Sample> spaced(double[] values, Duration spacing) {
        return IntStream.range(0, values.length).mapToObj(i -> new Sample(T0.plus(spacing.multipliedBy(i)), values[i]))
                .toList();
    }

    /** USP &lt;1079.2&gt; as printed, for equally spaced readings: ΔH/R over −ln of the plain mean. */
    private static double unweightedUspFormula(double[] celsius) {
        double mean = 0;
        for (double value : celsius) {
            mean += Math.exp(-10_000 / (value + 273.15)) / celsius.length;
        }
        return 10_000 / -Math.log(mean) - 273.15;
    }
}
