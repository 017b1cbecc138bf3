package city.trace.epcis.validation;

/**
 * RFC 3339 date-times with a mandatory time zone offset ({@code Z} or ±hh:mm, at most 14 hours as in XML
 * Schema's dateTimeStamp), e.g. {@code 2026-11-22T10:15:00.000+01:00}. Parsed without exceptions and without
 * allocating, since every event carries several. Years run from 0001 to 9999, as the Event Hash ID can write
 * them; fraction digits beyond microseconds are accepted and ignored.
 */
final class DateTimes {

    /** Returned for text that is no such date-time. */
    static final long INVALID = Long.MIN_VALUE;

    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    private static final long LAST_SECOND_OF_9999 = 253_402_300_799L;
    private static final int MAX_OFFSET_MINUTES = 14 * 60;

    private DateTimes() {
    }

    /** The instant in microseconds since 1970-01-01T00:00Z, or {@link #INVALID}. */
    static long epochMicros(String text) {
        int n = text.length();
        if (n < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || !isOneOf(text.charAt(10), 'T', 't')
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return INVALID;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23
                || minute > 59 || second > 59) {
            return INVALID;
        }
        int i = 19;
        long micros = 0;
        if (text.charAt(i) == '.') {
            int start = ++i;
            for (; i < n && isDigit(text.charAt(i)); i++) {
                if (i - start < 6) {
                    micros = micros * 10 + text.charAt(i) - '0';
                }
            }
            if (i == start) {
                return INVALID;
            }
            for (int scale = i - start; scale < 6; scale++) {
                micros *= 10;
            }
        }
        int offsetMinutes = offsetMinutes(text, i);
        if (offsetMinutes == Integer.MIN_VALUE) {
            return INVALID;
        }
        long epochSecond = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second
                - offsetMinutes * 60L;
        // the Event Hash ID rounds to milliseconds in UTC: keep clear of the year 10000
        return epochSecond >= LAST_SECOND_OF_9999 ? INVALID : epochSecond * 1_000_000L + micros;
    }

    /**
     * True for a time zone offset as eventTimeZoneOffset wants it: ±hh:mm from -14:00 to +14:00.
     */
    static boolean isZoneOffset(String text) {
        return text.length() == 6 && offsetMinutes(text, 0) != Integer.MIN_VALUE;
    }

    /** The offset ±hh:mm or Z that ends the text at index {@code i}, in minutes; MIN_VALUE when there is none. */
    private static int offsetMinutes(String text, int i) {
        int n = text.length();
        if (i == n - 1 && isOneOf(text.charAt(i), 'Z', 'z')) {
            return 0;
        }
        if (i != n - 6 || !isOneOf(text.charAt(i), '+', '-') || text.charAt(i + 3) != ':') {
            return Integer.MIN_VALUE;
        }
        int hours = digits(text, i + 1, 2);
        int minutes = digits(text, i + 4, 2);
        int total = hours * 60 + minutes;
        if (hours < 0 || minutes < 0 || minutes > 59 || total > MAX_OFFSET_MINUTES) {
            return Integer.MIN_VALUE;
        }
        return text.charAt(i) == '-' ? -total : total;
    }

    /** The number written by {@code count} digits from {@code start}; negative when one is no digit. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value;
    }

    private static int daysInMonth(int year, int month) {
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        return month == 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    private static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = y / 400;
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isOneOf(char c, char a, char b) {
        return c == a || c == b;
    }
}
