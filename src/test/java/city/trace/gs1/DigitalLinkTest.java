package city.trace.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DigitalLinkTest {

    private static String canonical(String uri) {
        return DigitalLink.parse(uri).orElseThrow().toUri();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://brand.example.com/01/09506000134352/21/S1|https://id.gs1.org/01/09506000134352/21/S1",
            "http://id.gs1.org/01/09506000134352|https://id.gs1.org/01/09506000134352",
            "https://example.com/shop/gtin/09506000134352/lot/L1/ser/S1?17=261231#top"
                    + "|https://id.gs1.org/01/09506000134352/10/L1/21/S1",
            "https://example.com/01/9506000134352|https://id.gs1.org/01/09506000134352",
            "https://example.com/sscc/595123451234567899/|https://id.gs1.org/00/595123451234567899",
            "https://example.com/414/9512345000016/254/a%2fb!%28|https://id.gs1.org/414/9512345000016/254/a%2Fb!(",
            "https://example.com/8004/9512345A-1|https://id.gs1.org/8004/9512345A-1" })
    void canonicalLinkIsOnIdGs1OrgWithAisAndWithoutQuery(String uri, String expected) {
        assertEquals(expected, canonical(uri));
    }

    @Test
    void finestLevelDropsCpvAndTheLotOfASerialisedItem() {
        DigitalLink link = DigitalLink.parse("https://example.com/01/09506000134352/22/V1/10/L1/21/S1").orElseThrow();
        assertEquals("https://id.gs1.org/01/09506000134352/21/S1", link.finestLevel().toUri());
        DigitalLink lot = DigitalLink.parse("https://example.com/01/09506000134352/22/V1/10/L1").orElseThrow();
        assertEquals("https://id.gs1.org/01/09506000134352/10/L1", lot.finestLevel().toUri());
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://blog.example.com/2020/01/15/post", "https://ref.gs1.org/cbv/BizStep-shipping",
            "http://transaction.example.com/po/12345678", "urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8",
            "https://example.com/", "geo:50.9,6.9", "https://example.com/01/%2009506000134352",
            // keys that start with a company prefix (GINC, GIAI, CPID) start with at least four digits
            "https://trace.example.com/api/devices/401/readings/1", "https://example.com/8004/TRUCK7/log/2",
            "https://example.com/cpid/951A/8011/1" })
    void urisNamingNoGs1KeyAreNoDigitalLinks(String uri) {
        assertTrue(DigitalLink.parse(uri).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://id.gs1.org/01/09506000134353", // check digit
            "https://example.com/414/9512345000017", // check digit
            "https://id.gs1.org/01/09506000134352/21/S1/10/L1", // lot after serial
            "https://id.gs1.org/01/09506000134352/17/261231", // a data attribute is no key qualifier
            "https://id.gs1.org/00/595123451234567899/21/S1", // an SSCC has no qualifiers
            "https://id.gs1.org/01/09506000134352/21" }) // qualifier without value
    void brokenDigitalLinksAreRejected(String uri) {
        assertThrows(InvalidIdentifierException.class, () -> DigitalLink.parse(uri));
    }

    @Test
    void aWrongCheckDigitIsExplainedWithoutRepeatingTheUri() {
        InvalidIdentifierException e = assertThrows(InvalidIdentifierException.class,
                () -> DigitalLink.parse("https://example.com/01/00614141107340"));
        assertEquals("GTIN 00614141107340 has a wrong check digit: expected 6", e.reason());
        assertEquals(e.reason() + " in https://example.com/01/00614141107340", e.getMessage());
    }
}
