package city.trace.device.coldchain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.LongStream;

/** Round temperature ticks (steps of 1, 2 or 5 times a power of ten) that cover a range, for the y-axis. */
record CelsiusTicks(List<BigDecimal> values) {

    private static final int[] NICE_MULTIPLES = { 1, 2, 5 };

    CelsiusTicks {
        values = List.copyOf(values);
    }

    /** The finest round step that covers {@code low} to {@code high} in at most {@code maxTicks} ticks. */
    static CelsiusTicks covering(double low, double high, int maxTicks) {
        if (high - low < 1e-9) {
            low -= 1;
            high += 1;
        }
        int exponent = (int) Math.floor(Math.log10((high - low) / (maxTicks - 1))) - 1;
        for (;; exponent++) {
            for (int multiple : NICE_MULTIPLES) {
                BigDecimal step = BigDecimal.valueOf(multiple).scaleByPowerOfTen(exponent);
                long firstIndex = (long) Math.floor(low / step.doubleValue() + 1e-9);
                long lastIndex = (long) Math.ceil(high / step.doubleValue() - 1e-9);
                if (lastIndex - firstIndex + 1 <= maxTicks) {
                    return new CelsiusTicks(LongStream.rangeClosed(firstIndex, lastIndex)
                            .mapToObj(index -> step.multiply(BigDecimal.valueOf(index)).stripTrailingZeros()).toList());
                }
            }
        }
    }

    double low() {
        return values.getFirst().doubleValue();
    }

    double high() {
        return values.getLast().doubleValue();
    }

    /** The tick as text, every tick with as many decimals as the step needs (2.5, 3.0 rather than 2.5, 3). */
    String label(BigDecimal value) {
        BigDecimal step = values.get(1).subtract(values.get(0));
        int decimals = Math.max(0, step.stripTrailingZeros().scale());
        return value.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }
}
