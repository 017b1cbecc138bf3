package city.trace.gs1;

/**
 * The GS1 modulo-10 check digit shared by GTIN, GLN, SSCC and the other fixed-length GS1 keys:
 * digits weighted 3,1,3,1… from the right (excluding the check digit itself).
 */
public final class CheckDigit {

    private CheckDigit() {
    }

    /** The check digit for {@code body}, the key without its last digit. */
    public static int compute(CharSequence body) {
        int sum = 0;
        for (int i = body.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
            char c = body.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit: '" + c + "'");
            }
            sum += (c - '0') * weight;
        }
        return (10 - sum % 10) % 10;
    }

    /** True when {@code key} is all digits and its last digit is the right check digit. */
    public static boolean isValid(CharSequence key) {
        if (key == null || key.length() < 2 || !key.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int last = key.charAt(key.length() - 1) - '0';
        return compute(key.subSequence(0, key.length() - 1)) == last;
    }

    /** {@code body} followed by its check digit. */
    public static String append(String body) {
        return body + compute(body);
    }
}
