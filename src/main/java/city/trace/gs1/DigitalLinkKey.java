package city.trace.gs1;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The GS1 primary keys a Digital Link URI can name, with their Application Identifier, Digital Link
 * short name, value format and the key qualifiers that may follow them (GS1 Digital Link 1.2).
 */
public enum DigitalLinkKey {
    SSCC("00", "sscc", 18, 18, Tail.NONE, 0),
    GTIN("01", "gtin", 14, 14, Tail.NONE, 0, List.of("22", "10", "21"), List.of("235")),
    ITIP("8006", "itip", 18, 14, Tail.NONE, 0, List.of("22", "10", "21")),
    CPID("8010", "cpid", 0, 0, Tail.CSET_39, 30, List.of("8011")),
    GLN("414", "gln", 13, 13, Tail.NONE, 0, List.of("254")),
    PARTY("417", "party", 13, 13, Tail.NONE, 0),
    GSRNP("8017", "gsrnp", 18, 18, Tail.NONE, 0, List.of("8019")),
    GSRN("8018", "gsrn", 18, 18, Tail.NONE, 0, List.of("8019")),
    GCN("255", "gcn", 13, 13, Tail.DIGITS, 12),
    GDTI("253", "gdti", 13, 13, Tail.CSET_82, 17),
    GINC("401", "ginc", 0, 0, Tail.CSET_82, 30),
    GSIN("402", "gsin", 17, 17, Tail.NONE, 0),
    GRAI("8003", "grai", 14, 14, Tail.CSET_82, 16),
    GIAI("8004", "giai", 0, 0, Tail.CSET_82, 30);

    /** What may follow the fixed-length digits of a key: nothing, digits or characters of a GS1 set. */
    enum Tail {
        NONE, DIGITS, CSET_82, CSET_39
    }

    private static final int SHORTEST_COMPANY_PREFIX = 4;
    private static final Map<String, DigitalLinkKey> BY_PATH_SEGMENT = new HashMap<>();
    private static final Map<String, String> QUALIFIER_SHORT_NAMES = Map.of("cpv", "22", "lot", "10", "ser", "21");

    static {
        for (DigitalLinkKey key : values()) {
            BY_PATH_SEGMENT.put(key.ai, key);
            BY_PATH_SEGMENT.put(key.shortName, key);
        }
    }

    private final String ai;
    private final String shortName;
    private final int digits;
    private final int checkedDigits;
    private final Tail tail;
    private final int maxTail;
    private final List<List<String>> qualifierSequences;

    @SafeVarargs
    DigitalLinkKey(String ai, String shortName, int digits, int checkedDigits, Tail tail, int maxTail,
            List<String>... qualifierSequences) {
        this.ai = ai;
        this.shortName = shortName;
        this.digits = digits;
        this.checkedDigits = checkedDigits;
        this.tail = tail;
        this.maxTail = maxTail;
        this.qualifierSequences = List.of(qualifierSequences);
    }

    public String ai() {
        return ai;
    }

    /**
     * Where the GS1 company prefix begins in a value of this key: after the indicator digit of a GTIN or ITIP,
     * the extension digit of an SSCC and the leading zero of a GRAI; at the start of every other key.
     */
    int companyPrefixStart() {
        return switch (this) {
            case GTIN, ITIP, SSCC, GRAI -> 1;
            default -> 0;
        };
    }

    /** The key named by a Digital Link path segment (its AI or short name), or null. */
    static DigitalLinkKey byPathSegment(String segment) {
        return BY_PATH_SEGMENT.get(segment);
    }

    /** The AI a qualifier path segment stands for: short names (cpv, lot, ser) become their AIs. */
    static String qualifierAi(String segment) {
        return QUALIFIER_SHORT_NAMES.getOrDefault(segment, segment);
    }

    /**
     * The value in canonical form (GTIN-8/12/13 padded to 14 digits) when it has the shape of this key,
     * else null. The check digit is not looked at: see {@link #checkDigitProblem(String)}.
     */
    String normaliseShape(String value) {
        String v = this == GTIN ? Gs1Key.GTIN.normaliseExact(value) : value;
        if (v.length() < digits || digits > 0 && !AiText.isDigits(v.substring(0, digits))) {
            return null;
        }
        // a key of free characters starts with its company prefix, and the shortest prefix has four digits (GS1
        // General Specifications; the Barcode Syntax Dictionary's "key" linter): "/401/readings" names no GINC
        if (digits == 0 && (v.length() < SHORTEST_COMPANY_PREFIX
                || !AiText.isDigits(v.substring(0, SHORTEST_COMPANY_PREFIX)))) {
            return null;
        }
        String rest = v.substring(digits);
        if (rest.length() > maxTail || digits == 0 && rest.isEmpty()) {
            return null;
        }
        boolean restOk = rest.isEmpty() || switch (tail) {
            case NONE -> false;
            case DIGITS -> AiText.isDigits(rest);
            case CSET_82 -> AiText.isCset82(rest);
            case CSET_39 -> AiText.isCset39(rest);
        };
        return restOk ? v : null;
    }

    /** A sentence saying what is wrong with the check digit of a well-shaped value, or null. */
    String checkDigitProblem(String value) {
        if (checkedDigits == 0) {
            return null;
        }
        String checked = value.substring(0, checkedDigits);
        int expected = CheckDigit.compute(checked.substring(0, checkedDigits - 1));
        return CheckDigit.isValid(checked) ? null
                : name() + " " + checked + " has a wrong check digit: expected " + expected;
    }

    /**
     * True when qualifiers with these AIs, in this order, may follow the key: each sequence lists the
     * qualifiers one path may use, in the order they must appear.
     */
    boolean allowsQualifiers(List<String> ais) {
        if (ais.isEmpty()) {
            return true;
        }
        for (List<String> sequence : qualifierSequences) {
            int position = -1;
            boolean ordered = true;
            for (String qualifier : ais) {
                int next = sequence.indexOf(qualifier);
                ordered &= next > position;
                position = next;
            }
            if (ordered) {
                return true;
            }
        }
        return false;
    }
}
