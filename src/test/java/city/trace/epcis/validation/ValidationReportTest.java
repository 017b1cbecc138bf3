package city.trace.epcis.validation;

import static city.trace.epcis.validation.Documents.document;
import static city.trace.epcis.validation.Documents.objectEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the capture needs from a validation: all problems, capped, and which events may be stored anyway. */
class ValidationReportTest {

    @Test
    void tellsWhichEventsAreValid() {
        ObjectNode document = document(objectEvent(), objectEvent().put("bizStep", "shiping"), objectEvent());
        document.put("creationDate", "yesterday");
        ValidationReport report = Documents.VALIDATOR.validate(document);
        assertFalse(report.isValid());
        assertEquals(3, report.eventCount());
        assertEquals(List.of(1), report.invalidEventIndexes());
        assertTrue(report.isEventValid(0));
        assertFalse(report.isEventValid(1));
        assertEquals(List.of(new Violation("/creationDate", "creationDate must be a date-time with a time zone "
                + "offset, e.g. 2026-11-22T10:15:00.000+01:00")), report.documentViolations());
        assertEquals(List.of(new Violation("/epcisBody/eventList/1/bizStep", "'shiping' is not a CBV business step; "
                + "use one such as shipping, or a URI")), report.eventViolations(1));
        assertEquals(2, report.violations().size());
    }

    @Test
    void listsAtMostTheMaximumThenSaysHowManyMore() {
        ObjectNode[] events = new ObjectNode[5];
        for (int i = 0; i < events.length; i++) {
            events[i] = objectEvent().put("action", "NONE");
        }
        ValidationReport report = new EpcisValidator(3).validate(document(events));
        assertEquals(4, report.violations().size());
        assertEquals(new Violation("", "2 more problems were found but not listed"), report.violations().get(3));
        assertEquals(List.of(0, 1, 2, 3, 4), report.invalidEventIndexes());
    }

    @Test
    void validatesASingleEventAtItsPointer() {
        assertEquals(List.of(new Violation("/events/7/action", "action must be ADD, OBSERVE or DELETE")),
                Documents.VALIDATOR.validateEvent(objectEvent().put("action", "add"), "/events/7"));
        assertEquals(List.of(), Documents.VALIDATOR.validateEvent(objectEvent(), ""));
    }
}
