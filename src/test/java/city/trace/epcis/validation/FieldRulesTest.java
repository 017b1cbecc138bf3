package city.trace.epcis.validation;

import static city.trace.epcis.validation.Documents.assertEventViolations;
import static city.trace.epcis.validation.Documents.assertEventWarnings;
import static city.trace.epcis.validation.Documents.json;
import static city.trace.epcis.validation.Documents.objectEvent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The values of the standard event fields: times, identifiers, code lists and the structures they sit in. */
class FieldRulesTest {

    private static final String DATE_TIME = " must be a date-time with a time zone offset, e.g. "
            + "2026-11-22T10:15:00.000+01:00";

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T10:15:00.000", "2026-11-22 10:15:00Z", "2026-11-22T10:15Z",
            "2026-02-29T10:15:00Z", "2026-11-22T24:00:00Z", "2026-11-22T10:15:00+15:00", "2026-11-22T10:15:00+0100",
            "2026-11-22T10:15:00.Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "22/11/2026"})
    void eventTimeMustBeADateTimeWithOffset(String time) {
        assertEventViolations(objectEvent().put("eventTime", time), "/eventTime :: eventTime" + DATE_TIME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T10:15:00Z", "2026-11-22t10:15:00z", "2024-02-29T10:15:00.123456789-14:00",
            "2026-11-22T10:15:00+14:00", "0001-01-01T00:00:00+01:00"})
    void dateTimesWithOffsetAreAccepted(String time) {
        assertEventViolations(objectEvent().put("eventTime", time).put("recordTime", time));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1:00", "01:00", "+14:30", "+15:00", "+01:60", "Z", "+0100"})
    void eventTimeZoneOffsetIsPlusOrMinusHoursAndMinutes(String offset) {
        assertEventViolations(objectEvent().put("eventTimeZoneOffset", offset), "/eventTimeZoneOffset :: "
                + "eventTimeZoneOffset must be +hh:mm or -hh:mm from -14:00 to +14:00, e.g. +01:00");
    }

    @Test
    void offsetsUpToFourteenHoursAreAccepted() {
        assertEventViolations(objectEvent().put("eventTimeZoneOffset", "-14:00"));
        assertEventViolations(objectEvent().put("eventTimeZoneOffset", "+13:45"));
    }

    @Test
    void wrongCheckDigitsAreNamedPrecisely() {
        ObjectNode event = objectEvent();
        event.putArray("epcList").add("https://id.gs1.org/01/00614141107340/21/1").add("urn:epc:id:sgtin:0614141.1073.1");
        assertEventViolations(event,
                "/epcList/0 :: GTIN 00614141107340 has a wrong check digit: expected 6",
                "/epcList/1 :: malformed EPC URN: expected 6 digits after the company prefix, found '1073'");
    }

    @Test
    void nonGs1UrisNameObjectsToo() {
        ObjectNode event = objectEvent();
        event.putArray("epcList").add("https://example.com/item/1").add("urn:example:item:1").add("urn:epc:id:gid:1.2.3");
        assertEventViolations(event);
    }

    @Test
    void identifiersMustBeUris() {
        ObjectNode event = objectEvent();
        event.putArray("epcList").add("item 1").add(7);
        assertEventViolations(event, "/epcList/0 :: epcList entry must be a URI", "/epcList/1 :: epcList entry must be a URI");
    }

    /** GS1's JSON schema allows any URI in an epcList, and GS1's SensorDataExample17 lists a GTIN there. */
    @Test
    void classesInAnEpcListAreOnlyWarnedAbout() {
        ObjectNode event = objectEvent();
        event.putArray("epcList").add("urn:epc:class:lgtin:4012345.012345.998877").add("https://id.gs1.org/01/04012345123456");
        assertEventWarnings(event,
                "/epcList/0 :: epcList entry urn:epc:class:lgtin:4012345.012345.998877 identifies a class, not an "
                        + "instance: classes usually go in a quantity list",
                "/epcList/1 :: epcList entry https://id.gs1.org/01/04012345123456 identifies a class, not an "
                        + "instance: classes usually go in a quantity list");
    }

    @Test
    void unknownEpcSchemesAreRejected() {
        ObjectNode event = objectEvent();
        event.putArray("epcList").add("urn:epc:id:sgtn:0614141.107346.1");
        assertEventViolations(event,
                "/epcList/0 :: 'sgtn' is no EPC scheme of the GS1 Tag Data Standard");
    }

    @Test
    void quantityElementsNameClassesWithANonNegativeQuantity() {
        ObjectNode event = objectEvent();
        event.set("quantityList", json("""
                [{'epcClass': 'https://id.gs1.org/01/04012345123456/10/L1', 'quantity': -2, 'uom': 'kg'},
                 {'epcClass': 'urn:epc:idpat:sgtin:4012345.012345.*', 'quantity': '3'},
                 {'quantity': 4, 'example:note': 'x'},
                 {'epcClass': 'urn:epc:idpat:sgtin:4012345.012345.*', 'uom': 'KGM'}]"""));
        assertEventViolations(event,
                "/quantityList/0/quantity :: quantity must be a number of at least 0",
                "/quantityList/0/uom :: uom must be a UN/ECE Recommendation 20 unit code of 2 or 3 capital letters or "
                        + "digits, e.g. KGM",
                "/quantityList/1/quantity :: quantity must be a number of at least 0",
                "/quantityList/2/example:note :: unexpected field 'example:note': quantity element has only epcClass, "
                        + "quantity, uom",
                "/quantityList/2 :: epcClass is required",
                "/quantityList/3/uom :: uom requires a quantity");
    }

    @Test
    void instancesAndOpenPatternsAsAClassAreOnlyWarnedAbout() {
        ObjectNode event = objectEvent();
        event.set("quantityList", json("""
                [{'epcClass': 'urn:epc:id:sgtin:0614141.107346.1', 'quantity': 1},
                 {'epcClass': 'urn:epc:idpat:sgtin:4012345.*.*', 'quantity': 3},
                 {'epcClass': 'https://id.gs1.org/01/04012345123456/21/S1'}]"""));
        assertEventWarnings(event,
                "/quantityList/0/epcClass :: epcClass urn:epc:id:sgtin:0614141.107346.1 identifies an instance, not a "
                        + "class",
                "/quantityList/1/epcClass :: epcClass pattern leaves more than the serial open; one class is e.g. "
                        + "urn:epc:idpat:sgtin:4012345.012345.*",
                "/quantityList/2/epcClass :: epcClass https://id.gs1.org/01/04012345123456/21/S1 identifies no class "
                        + "(such as a GTIN, or a GTIN with a lot)");
    }

    @Test
    void readPointAndBizLocationAreLocations() {
        ObjectNode event = objectEvent();
        event.set("readPoint", json("{'id': 'urn:epc:id:sscc:0614141.1234567890', 'example:dock': 4}"));
        event.set("bizLocation", json("{'id': 'https://example.com/414/4012345000245/254/1'}"));
        assertEventWarnings(event, "/readPoint/id :: readPoint id urn:epc:id:sscc:0614141.1234567890 is no GS1 "
                + "location: neither an SGLN (urn:epc:id:sgln:…) nor a GLN Digital Link (…/414/…)");
        event.set("bizLocation", json("{'id': 'https://example.com/414/4012345000246'}"));
        assertEventViolations(event, "/bizLocation/id :: GLN 4012345000246 has a wrong check digit: expected 5");
        event.set("readPoint", json("{'name': 'dock 4'}"));
        event.remove("bizLocation");
        assertEventViolations(event, "/readPoint/name :: unknown field 'name': extension fields need a namespace "
                + "prefix, e.g. example:name", "/readPoint :: id is required");
    }

    @Test
    void bareCodeListTermsMustBeKnown() {
        ObjectNode event = objectEvent().put("bizStep", "shiping").put("disposition", "in transit");
        assertEventViolations(event,
                "/bizStep :: 'shiping' is not a CBV business step; use one such as shipping, or a URI",
                "/disposition :: 'in transit' is not a CBV disposition; use one such as in_transit, or a URI");
    }

    @Test
    void userVocabulariesAreUrisOrCuries() {
        assertEventViolations(objectEvent().put("bizStep", "https://example.com/bizstep/counting")
                .put("disposition", "example:quarantined"));
    }

    @Test
    void standardTermsMayBeSpelledInFull() {
        assertEventViolations(objectEvent().put("bizStep", "urn:epcglobal:cbv:bizstep:shipping")
                .put("disposition", "https://ref.gs1.org/cbv/Disp-in_transit"));
    }

    @Test
    void standardNamespacesHoldOnlyStandardTerms() {
        ObjectNode event = objectEvent().put("bizStep", "https://ref.gs1.org/cbv/Disp-shipping")
                .put("disposition", "https://ref.gs1.org/cbv/Disp-foo");
        assertEventViolations(event,
                "/bizStep :: bizStep must be the term 'shipping' (bare, or as https://ref.gs1.org/cbv/BizStep-shipping), "
                        + "not https://ref.gs1.org/cbv/Disp-shipping",
                "/disposition :: disposition must not use the standard namespace https://ref.gs1.org/cbv/ for a term "
                        + "of its own");
    }

    @Test
    void businessTransactionsSourcesAndDestinations() {
        ObjectNode event = objectEvent();
        event.set("bizTransactionList", json("""
                [{'type': 'po', 'bizTransaction': 'urn:epcglobal:cbv:bt:0614141073467:1152'},
                 {'type': 'order', 'bizTransaction': 'PO-1'}, {'type': 'inv'}]"""));
        event.set("sourceList", json("[{'type': 'owning_party', 'source': 'urn:epc:id:pgln:0614141.00000'}, "
                + "{'source': 'urn:epc:id:pgln:0614141.00000', 'example:x': 1}]"));
        event.set("destinationList", json("[{'type': 'location', 'destination': 'urn:epc:id:sgln:0614141.0000.0'}]"));
        assertEventViolations(event,
                "/bizTransactionList/1/type :: 'order' is not a CBV business transaction type; use one such as po, or "
                        + "a URI",
                "/bizTransactionList/1/bizTransaction :: bizTransaction must be a URI",
                "/bizTransactionList/2 :: bizTransaction is required",
                "/sourceList/1/example:x :: unexpected field 'example:x': source has only source, type",
                "/sourceList/1 :: type is required",
                "/destinationList/0/destination :: malformed EPC URN: expected 5 digits after the company prefix, "
                        + "found '0000'");
    }

    @Test
    void persistentDispositionSetsOrUnsetsDispositions() {
        ObjectNode event = objectEvent();
        event.set("persistentDisposition", json("{'set': ['completeness_inferred', 'complete'], 'unset': []}"));
        assertEventViolations(event, "/persistentDisposition/set/1 :: 'complete' is not a CBV disposition; use one "
                + "such as in_transit, or a URI");
        // GS1's JSON schema requires neither list
        event.set("persistentDisposition", json("{'unset': []}"));
        assertEventWarnings(event, "/persistentDisposition :: persistentDisposition sets and unsets nothing");
    }

    @Test
    void errorDeclarations() {
        ObjectNode event = objectEvent();
        event.set("errorDeclaration", json("""
                {'reason': 'wrong', 'correctiveEventIDs': ['urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6', 'event-7'],
                 'example:ticket': 'T-1'}"""));
        assertEventViolations(event,
                "/errorDeclaration/reason :: 'wrong' is not a CBV error reason; use one such as incorrect_data, or a URI",
                "/errorDeclaration/correctiveEventIDs/1 :: correctiveEventIDs entry must be a UUID URN (urn:uuid:…) or "
                        + "an event hash ID (ni:///sha-256;…)",
                "/errorDeclaration :: declarationTime is required");
    }

    @Test
    void eventIdsAreUuidUrnsOrHashIds() {
        assertEventViolations(objectEvent().put("eventID", "ni:///sha-256;df7bb3c3?ver=CBV2.0"));
        assertEventViolations(objectEvent().put("eventID", "urn:uuid:F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6"));
        assertEventViolations(objectEvent().put("eventID", "https://example.com/events/1"), "/eventID :: eventID must "
                + "be a UUID URN (urn:uuid:…) or an event hash ID (ni:///sha-256;…)");
    }

    @Test
    void certificationInfoIsAUriOrAListOfUris() {
        assertEventViolations(objectEvent().put("certificationInfo", "https://example.com/cert/1"));
        ObjectNode event = objectEvent();
        event.set("certificationInfo", json("['https://example.com/cert/1', 'cert 2']"));
        assertEventViolations(event, "/certificationInfo/1 :: certificationInfo must be a URI");
    }

    @Test
    void extensionValuesThatLookLikeGs1IdentifiersMustBeValid() {
        ObjectNode event = objectEvent();
        event.set("example:shipment", json("{'example:sscc': ' https://id.gs1.org/00/106141412345678900 ', "
                + "'example:items': [{'example:epc': 'urn:epc:id:sgtin:0614141.10734.1'}], 'example:free': 'text'}"));
        assertEventViolations(event,
                "/example:shipment/example:sscc :: SSCC 106141412345678900 has a wrong check digit: expected 8",
                "/example:shipment/example:items/0/example:epc :: malformed EPC URN: expected 6 digits after the "
                        + "company prefix, found '10734'");
    }

    @Test
    void numbersMustBeFinite() {
        ObjectNode event = objectEvent();
        event.set("example:reading", json("{'example:value': 1e400}"));
        assertEventViolations(event, "/example:reading/example:value :: number out of range: at most about 1.8E308 is "
                + "allowed");
    }

    @Test
    void jsonPointersEscapeTildeAndSlash() {
        assertEventViolations(objectEvent().put("a/b~c", 1), "/a~1b~0c :: unknown field 'a/b~c': extension fields "
                + "need a namespace prefix, e.g. example:a/b~c");
    }
}
