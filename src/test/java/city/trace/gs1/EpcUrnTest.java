package city.trace.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EpcUrnTest {

    private static String link(String urn) {
        return EpcUrn.toDigitalLink(urn).orElseThrow().toUri();
    }

    @ParameterizedTest(name = "company prefix {0}")
    @CsvSource({
            "951234, 3777777, 39512347777771",
            "9512345, 377777, 39512345777773",
            "95123456, 37777, 39512345677776",
            "951234567, 3777, 39512345677776",
            "9512345678, 377, 39512345678773",
            "95123456789, 37, 39512345678971",
            "951234567890, 3, 39512345678902" })
    void sgtinMovesTheIndicatorDigitToTheFrontForEveryPartition(String prefix, String itemReference, String gtin) {
        assertEquals("https://id.gs1.org/01/" + gtin + "/21/ABC",
                link("urn:epc:id:sgtin:" + prefix + "." + itemReference + ".ABC"));
    }

    @Test
    void ssccMovesTheExtensionDigitToTheFront() {
        assertEquals("https://id.gs1.org/00/595123451234567899", link("urn:epc:id:sscc:9512345.5123456789"));
    }

    @Test
    void sglnExtensionZeroMeansNoExtension() {
        assertEquals("https://id.gs1.org/414/9512345000016", link("urn:epc:id:sgln:9512345.00001.0"));
        assertEquals("https://id.gs1.org/414/9512345000016/254/12", link("urn:epc:id:sgln:9512345.00001.12"));
    }

    @Test
    void twelveDigitCompanyPrefixLeavesAnEmptyReference() {
        assertEquals("https://id.gs1.org/417/9512345000016", link("urn:epc:id:pgln:951234500001."));
        assertEquals("https://id.gs1.org/253/9512345000078X1", link("urn:epc:id:gdti:951234500007..X1"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "urn:epc:id:grai:9512345.00042.S1|https://id.gs1.org/8003/09512345000429S1",
            "urn:epc:id:giai:9512345.A-1|https://id.gs1.org/8004/9512345A-1",
            "urn:epc:id:gsrn:9512345.1234567890|https://id.gs1.org/8018/951234512345678900",
            "urn:epc:id:gsrnp:9512345.1234567890|https://id.gs1.org/8017/951234512345678900",
            "urn:epc:id:gdti:9512345.00007.D9|https://id.gs1.org/253/9512345000078D9",
            "urn:epc:id:cpi:9512345.AB-%23%2F.77|https://id.gs1.org/8010/9512345AB-%23%2F/8011/77",
            "urn:epc:id:sgcn:9512345.00007.5|https://id.gs1.org/255/95123450000785",
            "urn:epc:id:ginc:9512345.C%2F1|https://id.gs1.org/401/9512345C%2F1",
            "urn:epc:id:gsin:9512345.123456789|https://id.gs1.org/402/95123451234567894",
            "urn:epc:id:itip:9512345.377777.01.04.S|https://id.gs1.org/8006/395123457777730104/21/S",
            "urn:epc:id:upui:9512345.377777.T1|https://id.gs1.org/01/39512345777773/235/T1",
            "urn:epc:class:lgtin:9512345.377777.L1|https://id.gs1.org/01/39512345777773/10/L1" })
    void convertsEveryGs1Scheme(String urn, String digitalLink) {
        assertEquals(digitalLink, link(urn));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "urn:epc:idpat:sgtin:9512345.377777.*|https://id.gs1.org/01/39512345777773",
            "urn:epc:idpat:grai:9512345.00042.*|https://id.gs1.org/8003/09512345000429",
            "urn:epc:idpat:itip:9512345.377777.01.04.*|https://id.gs1.org/8006/395123457777730104" })
    void patternsNamingOneClassBecomeClassLevelLinks(String pattern, String digitalLink) {
        assertEquals(digitalLink, link(pattern));
    }

    @Test
    void serialCharactersOfTheUrnStayAsTheyAreInTheLink() {
        assertEquals("https://id.gs1.org/01/39512345777773/21/a%2F%22!()*+,:'-.;=_",
                link("urn:epc:id:sgtin:9512345.377777.a%2F%22!()*+,:'-.;=_"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "urn:epc:id:usdod:CAGEY.5678", "urn:epc:id:gid:95100000.12345.400",
            "urn:epc:idpat:sgtin:9512345.*.*", "urn:epc:class:sgtin:9512345.377777.1", "urn:uuid:1234" })
    void urnsWithoutOneGs1KeyHaveNoLink(String urn) {
        assertTrue(EpcUrn.toDigitalLink(urn).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "urn:epc:id:sgtin:95123.3777777.1", // company prefix too short
            "urn:epc:id:sgtin:9512345.37777.1", // company prefix and item reference not 13 digits
            "urn:epc:id:sgtin:9512345.377777", // no serial
            "urn:epc:id:sgtin:9512345.377777.a#b", // '#' is not in the GS1 character set
            "urn:epc:id:sgtin:9512345.377777.a/b", // '/' must be escaped
            "urn:epc:id:sgtin:9512345.377777.123456789012345678901", // serial longer than 20
            "urn:epc:id:sscc:9512345.512345678", // too few digits
            "urn:epc:id:gsrn:9512345.1234567890.1", // a component too many
            "urn:epc:id:sgcn:9512345.00007.5A" }) // coupon serial must be numeric
    void malformedUrnsOfGs1SchemesAreRejected(String urn) {
        assertThrows(InvalidIdentifierException.class, () -> EpcUrn.toDigitalLink(urn));
    }
}
