package city.trace.device.coldchain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Thins a series to what a chart can show (the M4 method): per pixel column its first, lowest, highest and last
 * reading. A single spike therefore survives however many readings share its column, and the line enters and
 * leaves each column where the full series would.
 */
final class ColumnDownsampler {

    private ColumnDownsampler() {
    }

    /** At most four readings per column of {@code columns} equal columns from {@code from} to {@code to}. */
    static List<Sample> keepExtremes(List<Sample> chronological, Instant from, Instant to, int columns) {
        double fromSeconds = epochSeconds(from);
        double span = epochSeconds(to) - fromSeconds;
        List<Sample> kept = new ArrayList<>();
        int start = 0;
        while (start < chronological.size()) {
            int column = column(chronological.get(start), fromSeconds, span, columns);
            int end = start;
            int lowest = start;
            int highest = start;
            while (end + 1 < chronological.size() && column(chronological.get(end + 1), fromSeconds, span, columns) == column) {
                end++;
                if (chronological.get(end).value() < chronological.get(lowest).value()) {
                    lowest = end;
                }
                if (chronological.get(end).value() > chronological.get(highest).value()) {
                    highest = end;
                }
            }
            for (int index : new TreeSet<>(List.of(start, lowest, highest, end))) {
                kept.add(chronological.get(index));
            }
            start = end + 1;
        }
        return kept;
    }

    private static int column(Sample sample, double fromSeconds, double span, int columns) {
        if (span <= 0) {
            return 0;
        }
        int column = (int) Math.floor((epochSeconds(sample.time()) - fromSeconds) / span * columns);
        return Math.clamp(column, 0, columns - 1);
    }

    static double epochSeconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }
}
