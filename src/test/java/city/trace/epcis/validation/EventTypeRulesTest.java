package city.trace.epcis.validation;

import static city.trace.epcis.validation.Documents.assertEventViolations;
import static city.trace.epcis.validation.Documents.event;
import static city.trace.epcis.validation.Documents.objectEvent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Event types, actions and the fields each type must or must not have (EPCIS 2.0 section 7.4). */
class EventTypeRulesTest {

    @Test
    void aValidObjectEventHasNoViolations() {
        assertEventViolations(objectEvent());
    }

    @Test
    void unknownAndMissingTypesAreRejected() {
        ObjectNode event = objectEvent().put("type", "QuantityEvent");
        assertEventViolations(event, "/type :: type must be one of ObjectEvent, AggregationEvent, AssociationEvent, "
                + "TransactionEvent, TransformationEvent");
        event.remove("type");
        assertEventViolations(event, " :: type is required: one of ObjectEvent, AggregationEvent, AssociationEvent, "
                + "TransactionEvent, TransformationEvent");
    }

    @Test
    void anEventMustBeAnObject() {
        assertEventViolations(Documents.json("'ObjectEvent'"), " :: an event must be a JSON object");
    }

    @Test
    void eventTimeAndOffsetAreRequired() {
        ObjectNode event = objectEvent();
        event.remove("eventTime");
        event.remove("eventTimeZoneOffset");
        assertEventViolations(event, " :: eventTime is required", " :: eventTimeZoneOffset is required");
    }

    @Test
    void actionIsRequiredAndOneOfThree() {
        ObjectNode event = objectEvent().put("action", "UPDATE");
        assertEventViolations(event, "/action :: action must be ADD, OBSERVE or DELETE");
        event.remove("action");
        assertEventViolations(event, " :: action is required");
    }

    @Test
    void aTransformationEventHasNoAction() {
        ObjectNode event = event("TransformationEvent", """
                {'inputEPCList': ['urn:epc:id:sgtin:0614141.107346.1'], 'outputEPCList': ['urn:epc:id:sgtin:0614141.107346.2'],
                 'action': 'ADD'}""");
        assertEventViolations(event, "/action :: action is not a field of TransformationEvent");
    }

    @Test
    void fieldsOfOtherEventTypesAreMisplaced() {
        ObjectNode event = objectEvent();
        event.putArray("childEPCs").add("urn:epc:id:sgtin:0614141.107346.1");
        assertEventViolations(event, "/childEPCs :: childEPCs is not a field of ObjectEvent");
    }

    @Test
    void unknownFieldsNeedANamespacePrefix() {
        ObjectNode event = objectEvent().put("myField", "x").put("example:myField", "x");
        assertEventViolations(event,
                "/myField :: unknown field 'myField': extension fields need a namespace prefix, e.g. example:myField");
    }

    @Test
    void anObjectEventNeedsObjectsOrSensorDataAtAReadPoint() {
        ObjectNode event = objectEvent();
        event.remove("epcList");
        assertEventViolations(event, " :: an ObjectEvent needs an epcList, a non-empty quantityList, or a non-empty "
                + "sensorElementList with a readPoint");
        event.set("sensorElementList", Documents.json("[{'sensorReport': [{'type': 'Temperature', 'value': 4, "
                + "'uom': 'CEL'}]}]"));
        assertEventViolations(event);
        event.putArray("epcList");
        event.remove("sensorElementList");
        assertEventViolations(event);
    }

    @Test
    void ilmdOnlyWithActionAdd() {
        ObjectNode event = objectEvent();
        event.set("ilmd", Documents.json("{'example:lot': 'L1'}"));
        assertEventViolations(event, "/ilmd :: ilmd is only allowed when action is ADD");
        assertEventViolations(event.put("action", "ADD"));
    }

    @Test
    void ilmdFieldsNeedANamespacePrefix() {
        ObjectNode event = objectEvent().put("action", "ADD");
        event.set("ilmd", Documents.json("{'bestBeforeDate': '2027-01-01'}"));
        assertEventViolations(event, "/ilmd/bestBeforeDate :: unknown field 'bestBeforeDate': extension fields need a "
                + "namespace prefix, e.g. example:bestBeforeDate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AggregationEvent", "AssociationEvent"})
    void parentIdIsRequiredUnlessObserving(String type) {
        ObjectNode event = event(type, "{'action': 'ADD', 'childEPCs': ['urn:epc:id:sgtin:0614141.107346.1']}");
        assertEventViolations(event, " :: parentID is required when action is ADD");
        assertEventViolations(event.put("action", "DELETE"), " :: parentID is required when action is DELETE");
        assertEventViolations(event.put("action", "OBSERVE"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AggregationEvent", "AssociationEvent"})
    void childrenAreRequiredUnlessDeleting(String type) {
        ObjectNode event = event(type, "{'action': 'ADD', 'parentID': 'urn:epc:id:sscc:0614141.1234567890', "
                + "'childEPCs': []}");
        assertEventViolations(event, " :: with action ADD, a non-empty childEPCs or childQuantityList is required");
        assertEventViolations(event.put("action", "DELETE"));
        event.set("childQuantityList", Documents.json("[{'epcClass': 'urn:epc:class:lgtin:4012345.012345.998877', "
                + "'quantity': 2}]"));
        assertEventViolations(event.put("action", "OBSERVE"));
    }

    @Test
    void aTransactionEventNamesABusinessTransaction() {
        ObjectNode event = event("TransactionEvent", "{'action': 'ADD', 'epcList': ['urn:epc:id:sgtin:0614141.107346.1']}");
        assertEventViolations(event, " :: bizTransactionList is required");
        event.putArray("bizTransactionList");
        assertEventViolations(event,
                "/bizTransactionList :: bizTransactionList must name at least one business transaction");
    }

    @Test
    void aTransactionEventNeedsObjectsUnlessDeleting() {
        ObjectNode event = event("TransactionEvent", "{'action': 'ADD', "
                + "'bizTransactionList': [{'type': 'po', 'bizTransaction': 'urn:epcglobal:cbv:bt:0614141073467:1152'}]}");
        assertEventViolations(event, " :: with action ADD, an epcList or a non-empty quantityList is required");
        assertEventViolations(event.put("action", "DELETE"));
    }

    @Test
    void aTransformationEventNeedsInputsAndOutputsUnlessItHasATransformationId() {
        ObjectNode event = event("TransformationEvent", "{'inputEPCList': ['urn:epc:id:sgtin:0614141.107346.1']}");
        assertEventViolations(event, " :: a TransformationEvent needs inputs (inputEPCList or inputQuantityList) and "
                + "outputs (outputEPCList or outputQuantityList); with a transformationID, either is enough");
        assertEventViolations(event.put("transformationID", "urn:epc:id:gdti:4012345.55555.1234"));
    }
}
