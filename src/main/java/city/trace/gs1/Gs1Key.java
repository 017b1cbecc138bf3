package city.trace.gs1;

import java.util.Optional;

/**
 * The fixed-length GS1 keys CityTrace uses, with the rules that make a value well-formed.
 * {@link #problem(String)} says in words what is wrong, for form and API error messages.
 */
public enum Gs1Key {
    GTIN("GTIN", 14, "01"),
    GLN("GLN", 13, "414"),
    SSCC("SSCC", 18, "00");

    private final String label;
    private final int length;
    private final String applicationIdentifier;

    Gs1Key(String label, int length, String applicationIdentifier) {
        this.label = label;
        this.length = length;
        this.applicationIdentifier = applicationIdentifier;
    }

    public int length() {
        return length;
    }

    /** The GS1 Application Identifier that introduces this key in a Digital Link path. */
    public String applicationIdentifier() {
        return applicationIdentifier;
    }

    /**
     * Normalises a GTIN-8/12/13 to GTIN-14 by left-padding with zeros; other keys are returned as given.
     * Whitespace around the value is ignored.
     */
    public String normalise(String value) {
        return normaliseExact(value == null ? "" : value.strip());
    }

    /**
     * Like {@link #normalise(String)}, but for a value exactly as written, where whitespace is no part of a key
     * (a Digital Link path): a GTIN with whitespace around it is returned as given, and is no valid key.
     */
    public String normaliseExact(String value) {
        String v = value == null ? "" : value;
        if (this == GTIN && (v.length() == 8 || v.length() == 12 || v.length() == 13) && isDigits(v)) {
            return "0".repeat(14 - v.length()) + v;
        }
        return v;
    }

    public boolean isValid(String value) {
        return problem(value).isEmpty();
    }

    /** Empty when {@code value} is a valid key of this kind, otherwise a sentence saying why not. */
    public Optional<String> problem(String value) {
        return exactProblem(value == null ? "" : value.strip());
    }

    /**
     * Like {@link #problem(String)}, for a value exactly as written (see {@link #normaliseExact(String)}):
     * only digits, of a key's length (8, 12, 13 or 14 for a GTIN), with the right check digit.
     */
    public Optional<String> exactProblem(String value) {
        String v = normaliseExact(value);
        if (v.isEmpty()) {
            return Optional.of(label + " is required");
        }
        if (!isDigits(v)) {
            return Optional.of(label + " must contain digits only");
        }
        if (v.length() != length) {
            String lengths = this == GTIN ? "8, 12, 13 or 14" : String.valueOf(length);
            return Optional.of(label + " must have " + lengths + " digits, not " + v.length());
        }
        if (!CheckDigit.isValid(v)) {
            return Optional.of(label + " check digit is wrong: expected "
                    + CheckDigit.compute(v.substring(0, length - 1)) + ", found " + v.charAt(length - 1));
        }
        return Optional.empty();
    }

    private static boolean isDigits(String v) {
        return !v.isEmpty() && v.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
