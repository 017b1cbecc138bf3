package city.trace.gs1;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A GS1 Digital Link: a primary key and its key qualifiers, held as plain AI values (not percent-encoded).
 * {@link #parse(String)} reads one from a URI on any domain; {@link #toUri()} writes the canonical form on
 * {@value #CANONICAL_DOMAIN}. Data attributes (the query string) are not part of it.
 */
public record DigitalLink(DigitalLinkKey key, String keyValue, List<Qualifier> qualifiers) {

    public static final String CANONICAL_DOMAIN = "https://id.gs1.org";

    /** A key qualifier, e.g. AI 21 (serial number) after a GTIN. */
    public record Qualifier(String ai, String value) {
    }

    private static final Map<String, Integer> ALPHANUMERIC_QUALIFIER_MAX =
            Map.of("22", 20, "10", 20, "21", 20, "235", 28, "254", 20);
    private static final Map<String, Integer> NUMERIC_QUALIFIER_MAX = Map.of("8011", 12, "8019", 10);
    private static final String CPV = "22";
    /** The AI of a lot (batch) qualifier. */
    public static final String LOT = "10";
    /** The AI of a serial number qualifier. */
    public static final String SERIAL = "21";

    public DigitalLink {
        qualifiers = List.copyOf(qualifiers);
    }

    /**
     * Reads a Digital Link URI (http or https, any domain, any path before the key).
     *
     * @return empty when the URI names no GS1 key: no path segment is a primary key AI (or short name)
     *         followed by a value of that key's shape
     * @throws InvalidIdentifierException when it names a key but the check digit is wrong or what follows
     *         the key is not a valid sequence of key qualifiers
     */
    public static Optional<DigitalLink> parse(String uri) {
        String path = pathOf(uri);
        if (path == null) {
            return Optional.empty();
        }
        String[] segments = path.split("/", -1);
        for (int i = 0; i + 1 < segments.length; i++) {
            DigitalLinkKey key = DigitalLinkKey.byPathSegment(segments[i]);
            String value = key == null ? null : AiText.decodePathSegment(segments[i + 1]);
            String keyValue = value == null ? null : key.normaliseShape(value);
            if (keyValue != null) {
                String problem = key.checkDigitProblem(keyValue);
                if (problem != null) {
                    throw new InvalidIdentifierException(problem, uri);
                }
                return Optional.of(new DigitalLink(key, keyValue, qualifiers(uri, key, segments, i + 2)));
            }
        }
        return Optional.empty();
    }

    /**
     * The Digital Link of a {@code key} (a GTIN, a GLN…) that the URI names, or empty for any other URI, valid or
     * not: for code that only asks what an identifier is, where a malformed one is simply none of these.
     */
    public static Optional<DigitalLink> parse(String uri, DigitalLinkKey key) {
        try {
            return uri == null ? Optional.empty() : parse(uri).filter(link -> link.key() == key);
        } catch (InvalidIdentifierException e) {
            return Optional.empty();
        }
    }

    /** A lot's Digital Link (GTIN and lot, nothing else), or empty for any other URI, valid or not. */
    public static Optional<DigitalLink> parseLot(String uri) {
        return parse(uri, DigitalLinkKey.GTIN)
                .filter(link -> link.qualifiers().size() == 1 && link.qualifiers().get(0).ai().equals(LOT));
    }

    /** Empty when {@code lot} may be a lot (AI 10) of a Digital Link, otherwise a sentence saying why not. */
    public static Optional<String> lotProblem(String lot) {
        if (lot == null || lot.isBlank()) {
            return Optional.of("Lot is required");
        }
        if (lot.length() > ALPHANUMERIC_QUALIFIER_MAX.get(LOT)) {
            return Optional.of("A lot has at most " + ALPHANUMERIC_QUALIFIER_MAX.get(LOT) + " characters, not "
                    + lot.length());
        }
        return isValidQualifier(LOT, lot) ? Optional.empty()
                : Optional.of("A lot may contain only letters (A–Z, a–z), digits and the signs " + AiText.CSET_82_SYMBOLS);
    }

    /** The value of a key qualifier (e.g. "10", the lot), if present. */
    public Optional<String> qualifier(String ai) {
        return qualifiers.stream().filter(q -> q.ai().equals(ai)).map(Qualifier::value).findFirst();
    }

    /** A trade item as a whole (its class, any lot): GTIN (AI 01) alone. */
    public static DigitalLink product(String gtin) {
        return new DigitalLink(DigitalLinkKey.GTIN, gtin, List.of());
    }

    /** The class of a lot of a trade item: GTIN (AI 01) and batch/lot (AI 10). */
    public static DigitalLink lot(String gtin, String lot) {
        return new DigitalLink(DigitalLinkKey.GTIN, gtin, List.of(new Qualifier(LOT, lot)));
    }

    /** A physical location by its GLN (AI 414). */
    public static DigitalLink location(String gln) {
        return new DigitalLink(DigitalLinkKey.GLN, gln, List.of());
    }

    /** A serialised trade item: GTIN (AI 01) and serial number (AI 21). */
    public static DigitalLink item(String gtin, String serial) {
        return new DigitalLink(DigitalLinkKey.GTIN, gtin, List.of(new Qualifier(SERIAL, serial)));
    }

    /** The canonical URI: {@value #CANONICAL_DOMAIN}, AIs (not short names), values percent-encoded. */
    public String toUri() {
        return CANONICAL_DOMAIN + path();
    }

    /** The path of the URI on any resolver's domain: /01/09506000134352/10/ABC%2F1. */
    public String path() {
        StringBuilder path = new StringBuilder(48)
                .append('/').append(key.ai()).append('/').append(AiText.encodePathSegment(keyValue));
        for (Qualifier qualifier : qualifiers) {
            path.append('/').append(qualifier.ai()).append('/').append(AiText.encodePathSegment(qualifier.value()));
        }
        return path.toString();
    }

    /**
     * This link reduced to the most fine-grained identification, as the CBV Event Hash ID wants it: without
     * the consumer product variant (AI 22), and without the lot (AI 10) when there is a serial (AI 21).
     */
    public DigitalLink finestLevel() {
        boolean serialised = qualifiers.stream().anyMatch(q -> q.ai().equals(SERIAL));
        List<Qualifier> kept = qualifiers.stream()
                .filter(q -> !q.ai().equals(CPV) && !(serialised && q.ai().equals(LOT)))
                .toList();
        return kept.size() == qualifiers.size() ? this : new DigitalLink(key, keyValue, kept);
    }

    /** The path of an http(s) URI without query and fragment, or null when it is no http(s) URI. */
    private static String pathOf(String uri) {
        int schemeEnd = uri.regionMatches(true, 0, "https://", 0, 8) ? 8
                : uri.regionMatches(true, 0, "http://", 0, 7) ? 7 : -1;
        if (schemeEnd < 0) {
            return null;
        }
        int end = uri.length();
        int query = uri.indexOf('?', schemeEnd);
        int fragment = uri.indexOf('#', schemeEnd);
        end = query >= 0 ? Math.min(end, query) : end;
        end = fragment >= 0 ? Math.min(end, fragment) : end;
        int pathStart = uri.indexOf('/', schemeEnd);
        return pathStart < 0 || pathStart >= end ? null : uri.substring(pathStart, end);
    }

    private static List<Qualifier> qualifiers(String uri, DigitalLinkKey key, String[] segments, int from) {
        int end = segments.length;
        if (end > from && segments[end - 1].isEmpty()) {
            end--; // a trailing slash
        }
        if ((end - from) % 2 != 0) {
            throw new InvalidIdentifierException("unexpected path segment '" + segments[end - 1] + "'", uri);
        }
        List<Qualifier> qualifiers = new ArrayList<>();
        List<String> ais = new ArrayList<>();
        for (int i = from; i < end; i += 2) {
            String ai = DigitalLinkKey.qualifierAi(segments[i]);
            String value = AiText.decodePathSegment(segments[i + 1]);
            if (value == null || !isValidQualifier(ai, value)) {
                throw new InvalidIdentifierException(
                        "'" + segments[i] + "/" + segments[i + 1] + "' is no valid key qualifier", uri);
            }
            qualifiers.add(new Qualifier(ai, value));
            ais.add(ai);
        }
        if (!key.allowsQualifiers(ais)) {
            throw new InvalidIdentifierException("key qualifiers " + ais + " may not follow " + key, uri);
        }
        return qualifiers;
    }

    private static boolean isValidQualifier(String ai, String value) {
        Integer alphanumericMax = ALPHANUMERIC_QUALIFIER_MAX.get(ai);
        if (alphanumericMax != null) {
            return value.length() <= alphanumericMax && AiText.isCset82(value);
        }
        Integer numericMax = NUMERIC_QUALIFIER_MAX.get(ai);
        return numericMax != null && value.length() <= numericMax && AiText.isDigits(value);
    }
}
