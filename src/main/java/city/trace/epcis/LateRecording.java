package city.trace.epcis;

import java.time.Duration;
import java.time.Instant;

import city.trace.web.InvalidFormException;

/**
 * When a step the pages record happened, if it is recorded after the fact (EPCIS keeps the event's time apart
 * from its record time): not in the future, and not longer ago than {@value #DAYS} days.
 */
public final class LateRecording {

    public static final int DAYS = 7;

    private LateRecording() {
    }

    /** {@code at}, when it may be recorded now; else an error for the page's {@code field}. */
    public static Instant check(Instant at, String field, String what) {
        Instant now = Instant.now();
        if (at.isAfter(now) || at.isBefore(now.minus(Duration.ofDays(DAYS)))) {
            throw new InvalidFormException(field, "A " + what + " is recorded when it happens, or up to " + DAYS
                    + " days later");
        }
        return at;
    }
}
