package city.trace.epcis.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class EventHasherTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> EXAMPLE = Map.of("ex", "https://ns.example.com/epcis/");
    private static final String HEAD = "eventType=ObjectEventeventTime=2020-03-04T10:00:30.000Z";

    private final EventHasher hasher = new EventHasher();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** An ObjectEvent with the given further fields (JSON members without braces). */
    private static JsonNode event(String fields) {
        return json("{\"type\": \"ObjectEvent\", \"eventTime\": \"2020-03-04T11:00:30+01:00\""
                + (fields.isEmpty() ? "" : ", " + fields) + "}");
    }

    private String prehash(String fields, HashVersion version) {
        return hasher.hash(event(fields), EXAMPLE, version).prehash();
    }

    private String prehash(String fields) {
        return prehash(fields, HashVersion.CBV2_0);
    }

    @Test
    void hashIsTheSha256OfThePreHashAsNamedInformationUri() {
        EventHash hash = hasher.hash(event(""), Map.of(), HashVersion.CBV2_1);
        assertEquals(HEAD, hash.prehash());
        assertTrue(hash.hash().matches("ni:///sha-256;[0-9a-f]{64}\\?ver=CBV2\\.1"), hash.hash());
    }

    @Test
    void fieldsFollowTheCanonicalOrderWhateverTheJsonOrder() {
        String expected = HEAD + "epcListepc=https://id.gs1.org/01/09506000134352/21/1action=OBSERVE"
                + "bizStep=https://ref.gs1.org/cbv/BizStep-shipping";
        assertEquals(expected, prehash("\"bizStep\": \"shipping\", \"action\": \"OBSERVE\", "
                + "\"epcList\": [\"https://id.gs1.org/01/09506000134352/21/1\"]"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "shipping", "cbv:BizStep-shipping", "urn:epcglobal:cbv:bizstep:shipping",
            "https://ref.gs1.org/cbv/BizStep-shipping", " shipping " })
    void everySpellingOfAStandardTermGivesItsWebUri(String bizStep) {
        assertEquals(HEAD + "bizStep=https://ref.gs1.org/cbv/BizStep-shipping",
                prehash("\"bizStep\": \"" + bizStep + "\""));
    }

    @Test
    void bareTermsOfOtherCodeListsAndUnknownTermsAreTreatedPerField() {
        assertEquals(HEAD + "disposition=https://ref.gs1.org/cbv/Disp-in_progress"
                + "persistentDispositionset=https://ref.gs1.org/cbv/Disp-recalledset=notifying",
                prehash("\"disposition\": \"in_progress\", "
                        + "\"persistentDisposition\": {\"set\": [\"recalled\", \"notifying\"]}"));
        // 'shipping' is a business step, not a disposition
        assertEquals(HEAD + "disposition=shipping", prehash("\"disposition\": \"shipping\""));
    }

    @Test
    void listsAreSortedAndTypedEntriesStartWithTheirType() {
        String expected = HEAD + "epcListepc=https://id.gs1.org/00/095123451234567894"
                + "epc=https://id.gs1.org/01/09506000134352/21/2"
                + "sourceListtype=https://ref.gs1.org/cbv/SDT-locationsource=https://id.gs1.org/414/9512345000016"
                + "type=https://ref.gs1.org/cbv/SDT-owning_partysource=https://id.gs1.org/417/9512345000016";
        assertEquals(expected, prehash("""
                "epcList": ["urn:epc:id:sgtin:9506000.013435.2", "urn:epc:id:sscc:9512345.0123456789"],
                "sourceList": [
                  {"source": "urn:epc:id:pgln:9512345.00001", "type": "owning_party"},
                  {"type": "location", "source": "urn:epc:id:sgln:9512345.00001.0"}]"""));
    }

    @Test
    void quantitiesAndSensorReportsAreSortedGroups() {
        assertEquals(HEAD + "quantityListquantityElementepcClass=https://id.gs1.org/01/09506000134352/10/A"
                + "quantity=1.5uom=KGMquantityElementepcClass=https://id.gs1.org/01/09506000134352/10/B"
                + "quantity=2", prehash("""
                "quantityList": [
                  {"epcClass": "https://example.com/01/09506000134352/10/B", "quantity": 2.0},
                  {"uom": "KGM", "quantity": 1.50, "epcClass": "urn:epc:class:lgtin:9506000.013435.A"}]"""));
    }

    @Test
    void excludedFieldsAndCommentsDoNotCount() {
        assertEquals(HEAD, prehash("""
                "eventID": "urn:uuid:1", "recordTime": "2021-01-01T00:00:00Z",
                "certificationInfo": "https://cert.example.com/1", "rdfs:comment": "a note",
                "errorDeclaration": {"declarationTime": "2021-01-01T00:00:00Z", "reason": "incorrect_data"}"""));
    }

    @Test
    void userExtensionsAreExpandedWithTheDocumentsNamespacesAndSorted() {
        assertEquals(HEAD + "other:f=ex:value{https://ns.example.com/epcis/}a=2{https://ns.example.com/epcis/}b"
                + "{https://ns.example.com/epcis/}c=0.5{https://ns.example.com/epcis/}c=x"
                + "{https://ns.example.com/epcis/}d=true{https://ns.example.com/epcis/}zz=1"
                + "{https://ref.gs1.org/voc/}e=https://ref.gs1.org/voc/Mass", prehash("""
                "other:f": "ex:value", "ex:zz": 1, "ex:c": ["x", "0.50"], "ex:d": true,
                "ex:b": {"ex:missing": null}, "ex:a": "2", "gs1:e": "gs1:Mass" """));
    }

    @Test
    void ilmdIsWrittenAfterTheStandardFieldsWithItsOwnSortedElements() {
        assertEquals(HEAD + "action=ADDilmd{https://ns.example.com/epcis/}batch=7"
                + "{https://ns.example.com/epcis/}bestBefore=2020-11-10{urn:epcglobal:cbv:mda}lotNumber=L1",
                prehash("\"ilmd\": {\"ex:bestBefore\": \"2020-11-10\", \"cbvmda:lotNumber\": \"L1\", "
                        + "\"ex:batch\": \"7\"}, \"action\": \"ADD\""));
    }

    @Test
    void extensionsInsideStandardFieldsMoveToTheEndInCbv20AndStayInlineInCbv21() {
        String fields = """
                "readPoint": {"id": "urn:epc:id:sgln:9512345.00001.0", "ex:dock": "3"},
                "ex:top": "t" """;
        assertEquals(HEAD + "readPointid=https://id.gs1.org/414/9512345000016"
                + "readPoint{https://ns.example.com/epcis/}dock=3{https://ns.example.com/epcis/}top=t",
                prehash(fields, HashVersion.CBV2_0));
        assertEquals(HEAD + "readPointid=https://id.gs1.org/414/9512345000016{https://ns.example.com/epcis/}dock=3"
                + "{https://ns.example.com/epcis/}top=t", prehash(fields, HashVersion.CBV2_1));
    }

    @Test
    void cbv21NamesTheSensorElementList() {
        String fields = """
                "sensorElementList": [{
                  "sensorMetadata": {"time": "2020-03-04T11:00:30.1235+01:00", "ex:m": "1"},
                  "sensorReport": [{"type": "Temperature", "value": 26.0, "uom": "CEL"},
                                   {"type": "gs1:AbsoluteHumidity", "value": 12.1}]}]""";
        String report = "sensorReporttype=https://ref.gs1.org/voc/AbsoluteHumidityvalue=12.1"
                + "sensorReporttype=https://ref.gs1.org/voc/Temperaturevalue=26uom=CEL";
        assertEquals(HEAD + "sensorElementsensorMetadatatime=2020-03-04T10:00:30.124Z" + report
                + "sensorElementsensorMetadata{https://ns.example.com/epcis/}m=1", prehash(fields, HashVersion.CBV2_0));
        assertEquals(HEAD + "sensorElementListsensorElementsensorMetadatatime=2020-03-04T10:00:30.124Z"
                + "{https://ns.example.com/epcis/}m=1" + report, prehash(fields, HashVersion.CBV2_1));
    }

    @Test
    void documentEventsAreFoundInEventListsAndQueryResultsInOrder() {
        JsonNode query = json("""
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                              {"my": "https://my.example.com/"}],
                 "type": "EPCISQueryDocument",
                 "epcisBody": {"queryResults": {"resultsBody": {"eventList": [
                   {"type": "ObjectEvent", "eventTime": "2020-03-04T11:00:30+01:00", "my:x": "2"},
                   {"type": "AggregationEvent", "eventTime": "2020-03-04T11:00:30+01:00"}]}}}}""");
        List<EventHash> hashes = hasher.hashDocument(query, HashVersion.CBV2_0);
        assertEquals(HEAD + "{https://my.example.com/}x=2", hashes.get(0).prehash());
        assertEquals("eventType=AggregationEventeventTime=2020-03-04T10:00:30.000Z", hashes.get(1).prehash());
    }

    @ParameterizedTest
    @ValueSource(strings = { "[]", "{\"epcisBody\": {}}", "{\"epcisBody\": {\"eventList\": {}}}",
            "{\"epcisBody\": {\"eventList\": [{\"type\": \"SensorEvent\"}]}}",
            "{\"epcisBody\": {\"eventList\": [{\"type\": \"ObjectEvent\", \"eventTime\": \"noon\"}]}}",
            "{\"epcisBody\": {\"eventList\": [{\"type\": \"ObjectEvent\", \"epcList\": [\"urn:epc:id:sgtin:1.2.3\"]}]}}",
            "{\"epcisBody\": {\"eventList\": [{\"type\": \"ObjectEvent\", \"parentID\": \"https://id.gs1.org/00/123456789012345678\"}]}}",
            "{\"epcisBody\": {\"eventList\": [{\"type\": \"ObjectEvent\", \"readPoint\": \"urn:epc:id:sgln:9512345.00001.0\"}]}}",
            "{\"epcisBody\": {\"eventList\": [{\"type\": \"ObjectEvent\", \"bizStep\": {\"id\": \"x\"}}]}}" })
    void badInputIsRejectedWithAReason(String document) {
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> hasher.hashDocument(json(document), HashVersion.CBV2_0));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    }

    @Test
    void versionLabels() {
        assertEquals(HashVersion.CBV2_0, HashVersion.parse(null));
        assertEquals(HashVersion.CBV2_1, HashVersion.parse("CBV2.1"));
        assertEquals(HashVersion.CBV2_1, HashVersion.parse("2.1"));
        assertThrows(IllegalArgumentException.class, () -> HashVersion.parse("CBV3.0"));
    }
}
