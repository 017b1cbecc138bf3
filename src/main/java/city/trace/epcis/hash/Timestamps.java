package city.trace.epcis.hash;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Timestamps as the Event Hash ID writes them: UTC with a 'Z' and exactly three fraction digits. Like the
 * reference implementation, fraction digits beyond microseconds are cut off and the microseconds are then
 * rounded half-up to milliseconds (.1415 becomes .142, .9995 carries into the next second).
 */
final class Timestamps {

    private Timestamps() {
    }

    /**
     * The canonical form of an ISO 8601 date-time such as {@code 2020-03-04T11:00:30.5+01:00}; a value
     * without offset is taken as UTC.
     *
     * @throws InvalidEventException when the value is no such date-time
     */
    static String canonical(String value) {
        Reader r = new Reader(value);
        try {
            int year = r.digits(4);
            r.expect('-');
            int month = r.digits(2);
            r.expect('-');
            int day = r.digits(2);
            r.expectOneOf("Tt ");
            int hour = r.digits(2);
            r.expect(':');
            int minute = r.digits(2);
            int second = r.skip(':') ? r.digits(2) : 0;
            int micros = r.skipOneOf(".,") ? r.fractionAsMicros() : 0;
            int offsetSeconds = r.offsetSeconds();
            r.expectEnd();
            long epochSecond = LocalDateTime.of(year, month, day, hour, minute, second)
                    .toEpochSecond(ZoneOffset.UTC) - offsetSeconds;
            long millis = (micros + 500) / 1000;
            return format(LocalDateTime.ofEpochSecond(epochSecond + millis / 1000, 0, ZoneOffset.UTC), millis % 1000);
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new InvalidEventException("'" + value + "' is no ISO 8601 date-time with time zone offset", e);
        }
    }

    private static String format(LocalDateTime t, long millis) {
        if (t.getYear() < 0 || t.getYear() > 9999) {
            throw new DateTimeException("year out of range");
        }
        StringBuilder out = new StringBuilder(24);
        pad(out, t.getYear(), 4).append('-');
        pad(out, t.getMonthValue(), 2).append('-');
        pad(out, t.getDayOfMonth(), 2).append('T');
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        pad(out, t.getSecond(), 2).append('.');
        return pad(out, (int) millis, 3).append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        out.repeat('0', width - digits.length());
        return out.append(digits);
    }

    /** A cursor over the text; every mismatch is an IllegalArgumentException. */
    private static final class Reader {
        private final String text;
        private int i;

        Reader(String text) {
            this.text = text;
        }

        int digits(int count) {
            int value = 0;
            for (int end = i + count; i < end; i++) {
                value = value * 10 + digit();
            }
            return value;
        }

        /** The fraction of a second, cut to microseconds. */
        int fractionAsMicros() {
            int start = i;
            int micros = 0;
            for (; i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9'; i++) {
                if (i - start < 6) {
                    micros = micros * 10 + digit();
                }
            }
            if (i == start) {
                throw new IllegalArgumentException("no fraction digits");
            }
            for (int n = i - start; n < 6; n++) {
                micros *= 10;
            }
            return micros;
        }

        /** Z, ±hh:mm, ±hhmm, ±hh or nothing (UTC). */
        int offsetSeconds() {
            if (i == text.length() || skipOneOf("Zz")) {
                return 0;
            }
            int sign = text.charAt(i) == '-' ? -1 : 1;
            expectOneOf("+-");
            int hours = digits(2);
            int minutes = 0;
            if (i < text.length()) {
                skip(':');
                minutes = digits(2);
            }
            if (hours > 18 || minutes > 59) {
                throw new IllegalArgumentException("offset out of range");
            }
            return sign * (hours * 3600 + minutes * 60);
        }

        boolean skip(char c) {
            if (i < text.length() && text.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        boolean skipOneOf(String characters) {
            if (i < text.length() && characters.indexOf(text.charAt(i)) >= 0) {
                i++;
                return true;
            }
            return false;
        }

        void expect(char c) {
            if (!skip(c)) {
                throw new IllegalArgumentException("expected " + c);
            }
        }

        void expectOneOf(String characters) {
            if (!skipOneOf(characters)) {
                throw new IllegalArgumentException("expected one of " + characters);
            }
        }

        void expectEnd() {
            if (i != text.length()) {
                throw new IllegalArgumentException("unexpected text");
            }
        }

        private int digit() {
            char c = i < text.length() ? text.charAt(i) : 'x';
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("expected a digit");
            }
            return c - '0';
        }
    }
}
