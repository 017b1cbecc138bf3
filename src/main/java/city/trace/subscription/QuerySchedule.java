package city.trace.subscription;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EPCIS query schedule (EPCIS 2.0 §8.2.5.3): for each of second, minute, hour, dayOfMonth, month and dayOfWeek
 * (1 = Monday) a list of numbers and ranges, e.g. {@code "0,30"} or {@code "[1-5]"}; the query runs at every
 * time whose fields all match, an omitted field matching any value. Times are taken in UTC.
 */
public final class QuerySchedule {

    /** The fields in the order of the standard, each with its legal range. */
    enum Unit {
        SECOND("second", 0, 59), MINUTE("minute", 0, 59), HOUR("hour", 0, 23), DAY_OF_MONTH("dayOfMonth", 1, 31),
        MONTH("month", 1, 12), DAY_OF_WEEK("dayOfWeek", 1, 7);

        final String field;
        final int min;
        final int max;

        Unit(String field, int min, int max) {
            this.field = field;
            this.min = min;
            this.max = max;
        }
    }

    /** A schedule that is not one; the message says which field and why. */
    public static class InvalidScheduleException extends IllegalArgumentException {
        InvalidScheduleException(String message) {
            super(message);
        }
    }

    private static final Pattern ELEMENT = Pattern.compile("(\\d{1,2})|\\[(\\d{1,2})-(\\d{1,2})]");
    /** Far enough for every schedule that ever fires (29 February, on a given weekday, recurs within 28 years). */
    private static final int HORIZON_YEARS = 30;

    private final Map<Unit, String> fields;
    private final Map<Unit, BitSet> allowed;

    private QuerySchedule(Map<Unit, String> fields, Map<Unit, BitSet> allowed) {
        this.fields = fields;
        this.allowed = allowed;
    }

    /**
     * Parses a schedule from its fields (field name to value; names not of the standard are refused).
     *
     * @throws InvalidScheduleException naming every field that is malformed, out of range or unknown, or when the
     *                                  schedule names no field or never fires
     */
    public static QuerySchedule parse(Map<String, String> given) {
        Map<Unit, String> fields = new LinkedHashMap<>();
        Map<Unit, BitSet> allowed = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        given.forEach((name, value) -> {
            Optional<Unit> unit = unit(name);
            if (unit.isEmpty()) {
                problems.add("schedule has no field " + name + " (fields: second, minute, hour, dayOfMonth, month, "
                        + "dayOfWeek)");
            } else {
                String problem = values(unit.get(), value, allowed);
                if (problem != null) {
                    problems.add(problem);
                }
                fields.put(unit.get(), value);
            }
        });
        if (problems.isEmpty() && fields.isEmpty()) {
            problems.add("schedule must name at least one of second, minute, hour, dayOfMonth, month, dayOfWeek");
        }
        if (!problems.isEmpty()) {
            throw new InvalidScheduleException(String.join("; ", problems));
        }
        QuerySchedule schedule = new QuerySchedule(fields, allowed);
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        if (schedule.nextAfter(now) == null) {
            throw new InvalidScheduleException("schedule " + given + " never fires");
        }
        return schedule;
    }

    /** The schedule's fields as given, in the standard's order. */
    public Map<String, String> fields() {
        Map<String, String> named = new LinkedHashMap<>();
        fields.forEach((unit, value) -> named.put(unit.field, value));
        return named;
    }

    /** The first time after {@code time} (to the second) that matches, or null if none does in thirty years. */
    public ZonedDateTime nextAfter(ZonedDateTime time) {
        ZonedDateTime t = time.withZoneSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        ZonedDateTime horizon = t.plusYears(HORIZON_YEARS);
        while (t.isBefore(horizon)) {
            if (!matches(Unit.MONTH, t.getMonthValue())) {
                t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
            } else if (!matches(Unit.DAY_OF_MONTH, t.getDayOfMonth()) || !matches(Unit.DAY_OF_WEEK, t.getDayOfWeek().getValue())) {
                t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!matches(Unit.HOUR, t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!matches(Unit.MINUTE, t.getMinute())) {
                t = t.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            } else if (!matches(Unit.SECOND, t.getSecond())) {
                t = t.plusSeconds(1);
            } else {
                return t;
            }
        }
        return null;
    }

    private boolean matches(Unit unit, int value) {
        BitSet values = allowed.get(unit);
        return values == null || values.get(value);
    }

    private static Optional<Unit> unit(String name) {
        for (Unit unit : Unit.values()) {
            if (unit.field.equals(name)) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }

    /** Adds the values a field allows to {@code allowed}; a problem, or null when the field is well-formed. */
    private static String values(Unit unit, String value, Map<Unit, BitSet> allowed) {
        BitSet values = new BitSet();
        for (String element : value.split(",", -1)) {
            Matcher m = ELEMENT.matcher(element.strip());
            if (!m.matches()) {
                return unit.field + " \"" + value + "\" must be numbers and ranges such as [1-5], separated by commas";
            }
            int from = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
            int to = m.group(1) != null ? from : Integer.parseInt(m.group(3));
            if (from < unit.min || to > unit.max || from > to) {
                return unit.field + " \"" + value + "\" must lie from " + unit.min + " to " + unit.max
                        + (from > to ? ", each range from low to high" : "");
            }
            values.set(from, to + 1);
        }
        allowed.put(unit, values);
        return null;
    }
}
