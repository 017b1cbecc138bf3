package city.trace.epcis.validation;

import static city.trace.epcis.validation.Documents.assertViolations;
import static city.trace.epcis.validation.Documents.assertWarnings;
import static city.trace.epcis.validation.Documents.document;
import static city.trace.epcis.validation.Documents.json;
import static city.trace.epcis.validation.Documents.objectEvent;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The document around the events: EPCISDocument and EPCISQueryDocument of the GS1 JSON schema. */
class DocumentRulesTest {

    @Test
    void aDocumentMustBeAnObject() {
        assertViolations(json("[]"), " :: an EPCIS document must be a JSON object");
    }

    @Test
    void anEmptyEventListIsValid() {
        assertViolations(document());
    }

    @Test
    void requiredDocumentFields() {
        assertViolations(json("{'epcisBody': {'eventList': []}}"),
                " :: @context is required", " :: type is required", " :: schemaVersion is required",
                " :: creationDate is required");
    }

    @Test
    void documentFieldValues() {
        ObjectNode document = document().put("type", "EPCISDoc").put("creationDate", "2026-11-22")
                .put("schemaVersion", 2.0).put("sender", "urn:epc:id:sgln:0353579.00001.0");
        document.putArray("@context");
        assertViolations(document,
                "/@context :: @context must be a URI, an object or a non-empty array of them",
                "/type :: type must be EPCISDocument or EPCISQueryDocument",
                "/schemaVersion :: schemaVersion must be the string \"2.0\"",
                "/creationDate :: creationDate must be a date-time with a time zone offset, e.g. "
                        + "2026-11-22T10:15:00.000+01:00");
    }

    @Test
    void schemaVersionMayHaveAPatchLevel() {
        assertViolations(document().put("schemaVersion", "2.0.1"));
        assertViolations(document().put("schemaVersion", "2.1"), "/schemaVersion :: schemaVersion must be the string "
                + "\"2.0\"");
    }

    @Test
    void theDocumentsIdIsAUriOrABlankNode() {
        assertViolations(document().put("id", "_:document1"));
        assertViolations(document().put("id", "urn:uuid:6d4c3e3a-9f6b-4d39-9d2c-1d0b3f8e2a11"));
        assertViolations(document().put("id", "document 1"), "/id :: id must be a URI");
    }

    /** GS1's own examples add unprefixed keys to the document (implements); they are not part of any event. */
    @Test
    void otherKeysOfTheDocumentAreOnlyWarnedAbout() {
        assertWarnings(document().put("example:batch", "B1").put("batch", "B1"), "/batch :: 'batch' is not a field of "
                + "EPCISDocument in EPCIS 2.0; extension fields usually have a namespace prefix, e.g. example:batch");
    }

    @Test
    void theEventListMustBeAnArray() {
        ObjectNode document = document();
        document.set("epcisBody", json("{'eventList': {}}"));
        assertViolations(document, "/epcisBody/eventList :: eventList must be an array");
        document.set("epcisBody", json("{}"));
        assertViolations(document, "/epcisBody :: eventList is required");
    }

    @Test
    void masterDataInTheHeaderIsAccepted() {
        ObjectNode document = document(objectEvent());
        document.set("epcisHeader", json("""
                {'epcisMasterData': {'vocabularyList': [{'type': 'urn:epcglobal:epcis:vtype:BusinessLocation',
                  'vocabularyElementList': [{'id': 'urn:epc:id:sgln:0614141.07346.1234',
                    'attributes': [{'id': 'urn:epcglobal:cbv:mda#name', 'attribute': 'Dock 4'}],
                    'children': ['urn:epc:id:sgln:0614141.07346.1235']}]}]}}"""));
        assertViolations(document);
        document.set("epcisHeader", json("{'epcisMasterData': {'vocabularyList': [{'vocabularyElementList': [{}]}]}}"));
        assertViolations(document,
                "/epcisHeader/epcisMasterData/vocabularyList/0/vocabularyElementList/0 :: id is required",
                "/epcisHeader/epcisMasterData/vocabularyList/0 :: type is required");
    }

    @Test
    void queryDocumentsCarryTheirEventsInQueryResults() {
        ObjectNode document = document();
        document.put("type", "EPCISQueryDocument").remove("schemaVersion");
        document.set("epcisBody", json("{'queryResults': {'queryName': 'SimpleEventQuery', 'resultsBody': "
                + "{'eventList': [{'type': 'ObjectEvent'}]}}}"));
        assertViolations(document,
                "/epcisBody/queryResults/resultsBody/eventList/0 :: eventTime is required",
                "/epcisBody/queryResults/resultsBody/eventList/0 :: eventTimeZoneOffset is required",
                "/epcisBody/queryResults/resultsBody/eventList/0 :: action is required",
                "/epcisBody/queryResults/resultsBody/eventList/0 :: an ObjectEvent needs an epcList, a non-empty "
                        + "quantityList, or a non-empty sensorElementList with a readPoint");
        document.set("epcisBody", json("{'queryResults': {}}"));
        assertViolations(document, "/epcisBody/queryResults :: queryName is required",
                "/epcisBody/queryResults :: resultsBody is required");
    }

    @Test
    void eventsCanDeclarePrefixesOfTheirOwn() {
        ObjectNode event = objectEvent();
        event.set("@context", json("{'ex': 'https://ns.example.com/epcis/'}"));
        event.put("ex:batch", "B1");
        assertViolations(document(event));
    }
}
