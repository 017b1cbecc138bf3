package city.trace.web;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.NotBlank;

/** Messages about a submitted form, one per field, in the order they were found. */
public final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    /**
     * One message per field that Bean Validation complained about; a missing value is reported before what
     * else is wrong with it (a blank field also fails its pattern).
     */
    public static FormErrors of(Set<? extends ConstraintViolation<?>> violations) {
        FormErrors errors = new FormErrors();
        violations.stream()
                .sorted(Comparator.comparing((ConstraintViolation<?> v) -> !isMissingValue(v))
                        .thenComparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> errors.add(v.getPropertyPath().toString(), v.getMessage()));
        return errors;
    }

    private static boolean isMissingValue(ConstraintViolation<?> violation) {
        return violation.getConstraintDescriptor().getAnnotation() instanceof NotBlank;
    }

    /** Adds a message unless the field already has one (the first problem is the one to fix first). */
    public FormErrors add(String field, String message) {
        byField.putIfAbsent(field, message);
        return this;
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public Map<String, String> all() {
        return Collections.unmodifiableMap(byField);
    }

    /** Ends the action when anything is wrong; the page shows the form again with these messages. */
    public void throwIfAny() {
        if (!isEmpty()) {
            throw new InvalidFormException(this);
        }
    }
}
