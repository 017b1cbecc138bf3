package city.trace.gs1;

import java.util.Optional;

/**
 * The digits of a GS1 key from where its company prefix begins, so that the owner of any key can be found by
 * matching member prefixes against their start (GS1 assigns prefixes so that none is the start of another).
 */
public final class CompanyPrefix {

    private CompanyPrefix() {
    }

    /**
     * The key's digits from its company prefix on, or empty for identifiers that are no GS1 key and for GTIN-8
     * (GS1-8 prefixes belong to no company).
     */
    public static Optional<String> digitsOf(String uri) {
        try {
            return DigitalLink.parse(uri).flatMap(CompanyPrefix::digitsOf);
        } catch (InvalidIdentifierException e) {
            return Optional.empty();
        }
    }

    static Optional<String> digitsOf(DigitalLink link) {
        String value = link.keyValue();
        if (link.key() == DigitalLinkKey.GTIN && value.startsWith("000000")) {
            return Optional.empty(); // a GTIN-8 padded to 14 digits
        }
        return Optional.of(value.substring(link.key().companyPrefixStart()));
    }
}
