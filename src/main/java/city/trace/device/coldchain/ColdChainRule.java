package city.trace.device.coldchain;

import java.time.Duration;

/**
 * What a product tolerates: an inclusive band of {@code minCelsius} to {@code maxCelsius} (one side may be open,
 * as for frozen goods that only have a ceiling), how long it may stay outside the band before that is a breach
 * ({@link Duration#ZERO}: not at all), and optionally a ceiling for its mean kinetic temperature.
 * <p>
 * The constructor refuses a rule that cannot be meant, with a message fit to show the person who entered it.
 */
public record ColdChainRule(Double minCelsius, Double maxCelsius, Duration toleratedExcursion,
        Double maxMeanKineticCelsius) {

    public ColdChainRule {
        if (minCelsius == null && maxCelsius == null) {
            throw new IllegalArgumentException("A cold-chain rule needs a lowest or a highest allowed temperature.");
        }
        if (minCelsius != null) {
            Temperatures.requirePhysical("lowest allowed temperature", minCelsius);
        }
        if (maxCelsius != null) {
            Temperatures.requirePhysical("highest allowed temperature", maxCelsius);
        }
        if (minCelsius != null && maxCelsius != null && minCelsius >= maxCelsius) {
            throw new IllegalArgumentException("The lowest allowed temperature (" + minCelsius
                    + " °C) must be below the highest (" + maxCelsius + " °C).");
        }
        if (toleratedExcursion == null) {
            throw new IllegalArgumentException(
                    "The tolerated time outside the allowed range is missing (zero means no tolerance).");
        }
        if (toleratedExcursion.isNegative()) {
            throw new IllegalArgumentException("The tolerated time outside the allowed range cannot be negative (was "
                    + toleratedExcursion.toSeconds() + " s).");
        }
        if (maxMeanKineticCelsius != null) {
            Temperatures.requirePhysical("highest allowed mean kinetic temperature", maxMeanKineticCelsius);
        }
    }

    /** A band such as 2–8 °C for refrigerated goods, without a mean kinetic temperature ceiling. */
    public static ColdChainRule between(double minCelsius, double maxCelsius, Duration toleratedExcursion) {
        return new ColdChainRule(minCelsius, maxCelsius, toleratedExcursion, null);
    }

    /** Only a ceiling, such as -18 °C for frozen goods: any colder reading is fine. */
    public static ColdChainRule atMost(double maxCelsius, Duration toleratedExcursion) {
        return new ColdChainRule(null, maxCelsius, toleratedExcursion, null);
    }

    /** Whether a reading lies in the band; the bounds themselves belong to it. */
    public boolean allows(double celsius) {
        return (minCelsius == null || celsius >= minCelsius) && (maxCelsius == null || celsius <= maxCelsius);
    }
}
