package city.trace.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Turns typed form values into domain values, recording a message for the field when that fails. */
public final class FormValues {

    private FormValues() {
    }

    /** The id a select sent, or empty when there is none (the field's own check reports that). */
    public static Optional<Long> id(String value) {
        try {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The entity with the id in {@code value}, if {@code value} is a number and {@code lookup} finds it. */
    public static <T> Optional<T> entity(String value, Function<Long, Optional<T>> lookup, FormErrors errors,
            String field, String missing) {
        if (value == null || value.isBlank() || errors.has(field)) {
            return Optional.empty();
        }
        try {
            Optional<T> found = lookup.apply(Long.parseLong(value.strip()));
            if (found.isEmpty()) {
                errors.add(field, missing);
            }
            return found;
        } catch (NumberFormatException e) {
            errors.add(field, missing);
            return Optional.empty();
        }
    }

    /** An ISO date (yyyy-mm-dd, as date inputs send it); blank gives empty without an error. */
    public static Optional<LocalDate> date(String value, FormErrors errors, String field) {
        if (value == null || value.isBlank() || errors.has(field)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            errors.add(field, "Enter a date as yyyy-mm-dd");
            return Optional.empty();
        }
    }

    /** A positive decimal (comma or point as decimal separator); the caller validated its shape. */
    public static Optional<BigDecimal> positiveDecimal(String value, FormErrors errors, String field) {
        if (value == null || value.isBlank() || errors.has(field)) {
            return Optional.empty();
        }
        try {
            BigDecimal number = new BigDecimal(value.strip().replace(',', '.'));
            if (number.signum() <= 0) {
                errors.add(field, "Enter a quantity above zero");
                return Optional.empty();
            }
            return Optional.of(number);
        } catch (NumberFormatException e) {
            errors.add(field, "Enter a number, e.g. 1250 or 12.5");
            return Optional.empty();
        }
    }

    /**
     * The value typed in the row of {@code key}, for forms that send rows as two aligned lists (a hidden key
     * and a value per row); empty when there is no such row.
     */
    public static String inRow(List<String> keys, List<String> values, Object key) {
        int i = keys.indexOf(String.valueOf(key));
        return i >= 0 && i < values.size() ? values.get(i) : "";
    }

    /** The enum constant named {@code value}. */
    public static <E extends Enum<E>> Optional<E> choice(String value, Class<E> type, FormErrors errors, String field,
            String invalid) {
        if (value == null || value.isBlank() || errors.has(field)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.strip()));
        } catch (IllegalArgumentException e) {
            errors.add(field, invalid);
            return Optional.empty();
        }
    }
}
