package city.trace.epcis.hash;

import java.util.Comparator;

/**
 * Orders strings by Unicode code point, the same as by their UTF-8 bytes, as the standard asks. Java's
 * {@link String#compareTo} orders UTF-16 units, which differs for characters beyond U+FFFF.
 */
final class CodePointOrder implements Comparator<String> {

    static final CodePointOrder INSTANCE = new CodePointOrder();

    private CodePointOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return inCodePointOrder(x) - inCodePointOrder(y);
            }
        }
        return a.length() - b.length();
    }

    /** Moves surrogates above the rest of the BMP, where the code points they encode belong. */
    private static int inCodePointOrder(char c) {
        return c < Character.MIN_SURROGATE ? c : c <= Character.MAX_SURROGATE ? c + 0x2000 : c - 0x800;
    }
}
