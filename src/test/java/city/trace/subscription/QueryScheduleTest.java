package city.trace.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZonedDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The query schedule of EPCIS §8.2.5.3: the standard's own examples, taken in UTC. */
class QueryScheduleTest {

    private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-12-04T10:17:42Z"); // a Friday

    private static ZonedDateTime next(Map<String, String> fields, ZonedDateTime after) {
        return QuerySchedule.parse(fields).nextAfter(after);
    }

    @Test
    void topOfEveryHour() {
        assertEquals(ZonedDateTime.parse("2026-12-04T11:00:00Z"), next(Map.of("second", "0", "minute", "0"), NOW));
    }

    @Test
    void halfPastTwoEveryDay() {
        assertEquals(ZonedDateTime.parse("2026-12-05T02:30:00Z"),
                next(Map.of("second", "0", "minute", "30", "hour", "2"), NOW));
    }

    @Test
    void hourlyOnWeekdaysSkipsTheWeekend() {
        Map<String, String> weekdays = Map.of("second", "0", "minute", "0", "dayOfWeek", "[1-5]");
        assertEquals(ZonedDateTime.parse("2026-12-07T00:00:00Z"),
                next(weekdays, ZonedDateTime.parse("2026-12-04T23:30:00Z")));
    }

    @Test
    void anOmittedFinerFieldMeansEverySecondOfTheCoarserOne() {
        Map<String, String> twoOClock = Map.of("hour", "2");
        assertEquals(ZonedDateTime.parse("2026-12-05T02:00:00Z"), next(twoOClock, NOW));
        assertEquals(ZonedDateTime.parse("2026-12-05T02:00:01Z"),
                next(twoOClock, ZonedDateTime.parse("2026-12-05T02:00:00Z")));
    }

    @Test
    void listsAndRangesCombine() {
        Map<String, String> fields = Map.of("second", "0", "minute", "5,[40-41]", "hour", "10");
        assertEquals(ZonedDateTime.parse("2026-12-04T10:40:00Z"), next(fields, NOW));
        assertEquals(ZonedDateTime.parse("2026-12-05T10:05:00Z"),
                next(fields, ZonedDateTime.parse("2026-12-04T10:41:00Z")));
    }

    @Test
    void theTwentyNinthOfFebruaryComesInALeapYear() {
        assertEquals(ZonedDateTime.parse("2028-02-29T00:00:00Z"),
                next(Map.of("second", "0", "minute", "0", "hour", "0", "month", "2", "dayOfMonth", "29"), NOW));
    }

    @Test
    void malformedOrImpossibleSchedulesAreRefused() {
        assertThrows(QuerySchedule.InvalidScheduleException.class, () -> QuerySchedule.parse(Map.of("second", "60")));
        assertThrows(QuerySchedule.InvalidScheduleException.class, () -> QuerySchedule.parse(Map.of("dayOfMonth", "0")));
        assertThrows(QuerySchedule.InvalidScheduleException.class, () -> QuerySchedule.parse(Map.of("hour", "1,")));
        assertThrows(QuerySchedule.InvalidScheduleException.class,
                () -> QuerySchedule.parse(Map.of("month", "4", "dayOfMonth", "31")));
    }
}
