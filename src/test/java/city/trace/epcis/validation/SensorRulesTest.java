package city.trace.epcis.validation;

import static city.trace.epcis.validation.Documents.assertEventViolations;
import static city.trace.epcis.validation.Documents.assertEventWarnings;
import static city.trace.epcis.validation.Documents.json;
import static city.trace.epcis.validation.Documents.objectEvent;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Sensor elements (EPCIS 2.0 section 7.3.5.5); the event's eventTime is 2026-11-22T10:15:00.000+01:00. */
class SensorRulesTest {

    private static ObjectNode withSensorElements(String elements) {
        ObjectNode event = objectEvent();
        event.set("sensorElementList", json(elements));
        return event;
    }

    @Test
    void aCompleteSensorElementIsValid() {
        assertEventViolations(withSensorElements("""
                [{'sensorMetadata': {'startTime': '2026-11-22T08:00:00Z', 'endTime': '2026-11-22T09:00:00Z',
                                     'deviceID': 'urn:epc:id:giai:4000001.111', 'bizRules': 'https://example.com/rules',
                                     'example:calibrated': true},
                  'sensorReport': [{'type': 'Temperature', 'minValue': 2.5, 'maxValue': 7, 'meanValue': 4.1,
                                    'sDev': 0.3, 'percRank': 50, 'percValue': 4, 'uom': 'CEL', 'example:cv': '1'},
                                   {'type': 'gs1:Angle', 'value': 42.69, 'component': 'latitude', 'uom': 'DD'},
                                   {'type': 'example:Colour', 'stringValue': 'red', 'hexBinaryValue': '0FA3',
                                    'booleanValue': false, 'uriValue': 'https://example.com/red'},
                                   {'exception': 'ALARM_CONDITION', 'chemicalSubstance': 'https://example.com/c',
                                    'value': 0.2, 'uom': 'C35'}],
                  'example:extra': [1, 2]}]"""));
    }

    @Test
    void aRawDataUriWhosePathHoldsAKeysAiIsNoBrokenDigitalLink() {
        // the raw data of device 401's first batch: a 500 for every batch of that device, once
        assertEventViolations(withSensorElements("""
                [{'sensorMetadata': {'deviceID': 'https://id.gs1.org/8004/4000001111',
                                     'deviceMetadata': 'https://trace.example.com/api/devices/401',
                                     'rawData': 'https://trace.example.com/api/devices/401/readings/1'},
                  'sensorReport': [{'type': 'Temperature', 'value': 4.5, 'uom': 'CEL'}]}]"""));
    }

    @Test
    void sensorReportIsRequired() {
        assertEventViolations(withSensorElements("[{'sensorMetadata': {}}, {'sensorReport': []}, 'x']"),
                "/sensorElementList/0 :: sensorReport is required",
                "/sensorElementList/2 :: sensorElement must be a JSON object");
        assertEventWarnings(withSensorElements("[{'sensorReport': []}]"),
                "/sensorElementList/0/sensorReport :: sensorReport lists no sensor report");
    }

    @Test
    void valuesHaveTheirTypes() {
        assertEventViolations(withSensorElements("""
                [{'sensorReport': [{'type': 'Temprature', 'value': '4', 'booleanValue': 'yes', 'hexBinaryValue': 'F0F',
                                    'exception': 'ALARM', 'component': 'lat', 'uom': 'CEL'}]}]"""),
                "/sensorElementList/0/sensorReport/0/type :: 'Temprature' is not a GS1 measurement type; use one such "
                        + "as Temperature, or a URI",
                "/sensorElementList/0/sensorReport/0/value :: value must be a number",
                "/sensorElementList/0/sensorReport/0/booleanValue :: booleanValue must be true or false",
                "/sensorElementList/0/sensorReport/0/hexBinaryValue :: hexBinaryValue must be hexadecimal digits in "
                        + "pairs, e.g. 0FA3",
                "/sensorElementList/0/sensorReport/0/exception :: 'ALARM' is not a GS1 sensor alert type; use one such "
                        + "as ALARM_CONDITION, or a URI",
                "/sensorElementList/0/sensorReport/0/component :: 'lat' is not a CBV component; use one such as "
                        + "latitude, or a URI");
    }

    /** Neither GS1's JSON schema nor a SHALL of the standard forbids these; GS1's own examples do them. */
    @Test
    void fieldsThatUsuallyGoTogetherAreOnlyWarnedAbout() {
        assertEventWarnings(withSensorElements("""
                [{'sensorReport': [{'type': 'Temperature', 'value': 4, 'sDev': 0.1, 'uom': 'CEL'},
                                   {'type': 'Temperature', 'percRank': 50, 'uom': 'CEL'},
                                   {'type': 'Temperature', 'uom': 'CEL'},
                                   {'type': 'Angle', 'value': 42.6, 'component': 'latitude'},
                                   {'type': 'Dimensionless', 'value': 1, 'microorganism': 'https://example.com/m',
                                    'chemicalSubstance': 'https://example.com/c'}]}]"""),
                "/sensorElementList/0/sensorReport/0/sDev :: sDev without a meanValue",
                "/sensorElementList/0/sensorReport/1/percRank :: percRank and percValue are given together",
                "/sensorElementList/0/sensorReport/1/uom :: uom without a value, minValue, maxValue, meanValue or "
                        + "percValue",
                "/sensorElementList/0/sensorReport/2/uom :: uom without a value, minValue, maxValue, meanValue or "
                        + "percValue",
                "/sensorElementList/0/sensorReport/3/component :: component without a value and uom",
                "/sensorElementList/0/sensorReport/4/chemicalSubstance :: both a microorganism and a chemicalSubstance: "
                        + "a report usually measures one of them");
    }

    @Test
    void observationTimesAfterTheEventAreOnlyWarnedAbout() {
        assertEventWarnings(withSensorElements("""
                [{'sensorMetadata': {'startTime': '2026-11-22T10:00:00Z', 'endTime': '2026-11-22T09:00:00Z'},
                  'sensorReport': [{'type': 'Temperature', 'time': '2026-11-22T09:15:00.001Z'}]},
                 {'sensorMetadata': {'time': '2026-11-22T10:15:00.000+01:00', 'startTime': '2026-11-22T09:15:00Z',
                                     'endTime': '2026-11-22T09:15:01Z'},
                  'sensorReport': [{'type': 'Temperature'}]}]"""),
                "/sensorElementList/0/sensorMetadata/startTime :: startTime is not earlier than eventTime",
                "/sensorElementList/0/sensorMetadata/startTime :: startTime is not earlier than endTime",
                "/sensorElementList/0/sensorReport/0/time :: time is later than eventTime: a reading after its event",
                "/sensorElementList/1/sensorMetadata/endTime :: endTime is later than eventTime",
                "/sensorElementList/1/sensorMetadata/startTime :: startTime is not earlier than eventTime");
    }

    @Test
    void metadataAttributesRepeatedInReportsAreOnlyWarnedAbout() {
        assertEventWarnings(withSensorElements("""
                [{'sensorMetadata': {'deviceID': 'urn:epc:id:giai:4000001.111'},
                  'sensorReport': [{'type': 'Temperature', 'deviceID': 'urn:epc:id:giai:4000001.112'},
                                   {'type': 'Temperature', 'deviceMetadata': 'https://example.com/d'}]}]"""),
                "/sensorElementList/0/sensorReport/0/deviceID :: deviceID is given in sensorMetadata already; the "
                        + "report's value overrides it for this reading");
    }

    /** GS1's JSON schema leaves sensor reports open (its SensorDataExample8 puts bizRules in one). */
    @Test
    void otherKeysOfAReportAreOnlyWarnedAbout() {
        assertEventWarnings(withSensorElements("[{'sensorReport': [{'type': 'Temperature', 'value': 4, 'uom': 'CEL',"
                + " 'bizRules': 'https://example.com/rules'}]}]"),
                "/sensorElementList/0/sensorReport/0/bizRules :: 'bizRules' is not a field of sensorReport in EPCIS "
                        + "2.0; extension fields usually have a namespace prefix, e.g. example:bizRules");
    }
}
