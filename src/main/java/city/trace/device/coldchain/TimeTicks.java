package city.trace.device.coldchain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A handful of x-axis ticks at round local times in the chart's zone (every 15 minutes, 2 hours, day...), each
 * labelled with the time, and with the date as a second line when the chart spans more than a day.
 */
record TimeTicks(List<Instant> instants, boolean withDate, DateTimeFormatter timeFormat, DateTimeFormatter dateFormat) {

    private static final long[] STEP_SECONDS = { 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200,
            10_800, 21_600, 43_200 };
    private static final long DAY_SECONDS = 86_400;

    TimeTicks {
        instants = List.copyOf(instants);
    }

    static TimeTicks covering(Instant from, Instant to, ZoneId zone) {
        long spanSeconds = Math.max(1, Duration.between(from, to).toSeconds());
        boolean withDate = spanSeconds > DAY_SECONDS;
        int target = withDate ? 5 : 6;
        long step = stepSeconds(spanSeconds, target);
        DateTimeFormatter timeFormat = DateTimeFormatter.ofPattern(step < 60 ? "HH:mm:ss" : "HH:mm", Locale.ROOT)
                .withZone(zone);
        DateTimeFormatter dateFormat = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(zone);
        return new TimeTicks(instants(from, to, zone, step), withDate, timeFormat, dateFormat);
    }

    private static long stepSeconds(long spanSeconds, int target) {
        for (long step : STEP_SECONDS) {
            if (spanSeconds / step <= target) {
                return step;
            }
        }
        long days = Math.ceilDiv(spanSeconds, DAY_SECONDS * target);
        return days * DAY_SECONDS;
    }

    /** From local midnight of the first day on, so ticks fall on round local times; whole days as calendar days. */
    private static List<Instant> instants(Instant from, Instant to, ZoneId zone, long step) {
        ZonedDateTime midnight = from.atZone(zone).toLocalDate().atStartOfDay(zone);
        List<Instant> ticks = new ArrayList<>();
        if (step % DAY_SECONDS == 0) {
            for (ZonedDateTime day = midnight; !day.toInstant().isAfter(to); day = day.plusDays(step / DAY_SECONDS)) {
                if (!day.toInstant().isBefore(from)) {
                    ticks.add(day.toInstant());
                }
            }
            return ticks;
        }
        long sinceMidnight = Duration.between(midnight.toInstant(), from).toSeconds();
        Instant tick = midnight.toInstant().plusSeconds(Math.ceilDiv(sinceMidnight, step) * step);
        for (; !tick.isAfter(to); tick = tick.plusSeconds(step)) {
            if (!tick.isBefore(from)) {
                ticks.add(tick);
            }
        }
        return ticks;
    }

    String time(Instant tick) {
        return timeFormat.format(tick);
    }

    String date(Instant tick) {
        return dateFormat.format(tick);
    }
}
