package city.trace.device.coldchain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Mean kinetic temperature (USP &lt;1079.2&gt;, after Haynes 1971): the single temperature that would degrade a
 * product as much as the readings did, T<sub>mk</sub> = (ΔH/R) / −ln(Σ w<sub>i</sub>·e<sup>−ΔH/(R·T<sub>i</sub>)</sup>
 * / Σ w<sub>i</sub>), temperatures in kelvin.
 * <p>
 * Time-weighted, because loggers do not read at even intervals: a reading weighs as long as it holds, until the
 * next reading; the last one weighs as much as the interval before it (the last earlier instant to it), and a lone
 * reading (or readings all at one instant) weigh alike. With equal spacing this is USP's plain mean.
 * Computed as a log-sum-exp, so that deep-frozen readings (e<sup>−39</sup> and smaller) do not underflow.
 */
public final class MeanKineticTemperature {

    /** USP's default heat of activation when the product's own is not known. */
    public static final double DEFAULT_ACTIVATION_ENERGY_KJ_PER_MOL = 83.144;

    /** The gas constant as USP rounds it. */
    public static final double GAS_CONSTANT_J_PER_MOL_K = 8.3144;

    /** ΔH/R for the defaults: 83,144 J/mol ÷ 8.3144 J/(mol·K). */
    public static final double DEFAULT_ACTIVATION_TEMPERATURE_KELVIN = 10_000;

    private MeanKineticTemperature() {
    }

    /** The mean kinetic temperature in °C of readings in any order, with USP's default heat of activation. */
    public static double celsius(List<Sample> samples) {
        return ofChronological(samples.stream().sorted(Sample.CHRONOLOGICAL).toList(),
                DEFAULT_ACTIVATION_TEMPERATURE_KELVIN);
    }

    /** The same with a product's own heat of activation ΔH in kJ/mol. */
    public static double celsius(List<Sample> samples, double activationEnergyKjPerMol) {
        if (!(activationEnergyKjPerMol > 0) || !Double.isFinite(activationEnergyKjPerMol)) {
            throw new IllegalArgumentException(
                    "The heat of activation must be a positive number of kJ/mol (was " + activationEnergyKjPerMol + ").");
        }
        return ofChronological(samples.stream().sorted(Sample.CHRONOLOGICAL).toList(),
                activationEnergyKjPerMol * 1000 / GAS_CONSTANT_J_PER_MOL_K);
    }

    static double ofChronological(List<Sample> samples, double activationTemperatureKelvin) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("A mean kinetic temperature needs at least one reading.");
        }
        double[] weights = holdingSeconds(samples);
        double[] exponents = new double[samples.size()];
        double largestExponent = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < exponents.length; i++) {
            exponents[i] = -activationTemperatureKelvin / Temperatures.kelvin(samples.get(i).value());
            if (weights[i] > 0) {
                largestExponent = Math.max(largestExponent, exponents[i]);
            }
        }
        double weightedSum = 0;
        double totalWeight = 0;
        for (int i = 0; i < exponents.length; i++) {
            weightedSum += weights[i] * Math.exp(exponents[i] - largestExponent);
            totalWeight += weights[i];
        }
        double lnMean = largestExponent + Math.log(weightedSum / totalWeight);
        return Temperatures.celsius(-activationTemperatureKelvin / lnMean);
    }

    /** How long each reading holds, in seconds; all 1 when no time passes between the first and the last. */
    private static double[] holdingSeconds(List<Sample> samples) {
        int last = samples.size() - 1;
        double[] weights = new double[samples.size()];
        for (int i = 0; i < last; i++) {
            weights[i] = secondsBetween(samples.get(i).time(), samples.get(i + 1).time());
        }
        Instant lastTime = samples.get(last).time();
        for (int earlier = last - 1; earlier >= 0; earlier--) {
            if (samples.get(earlier).time().isBefore(lastTime)) {
                weights[last] = secondsBetween(samples.get(earlier).time(), lastTime);
                break;
            }
        }
        if (weights[last] == 0) {
            Arrays.fill(weights, 1);
        }
        return weights;
    }

    private static double secondsBetween(Instant from, Instant to) {
        return (to.getEpochSecond() - from.getEpochSecond()) + (to.getNano() - from.getNano()) / 1e9;
    }
}
