package city.trace.epcis.validation;

import com.fasterxml.jackson.databind.JsonNode;

/** A rule that ties several fields of one JSON object together, e.g. "sDev requires meanValue". */
@FunctionalInterface
interface Constraint {

    /** Checks the object; the context's path is the object's. */
    void check(JsonNode object, ValidationContext context);
}
