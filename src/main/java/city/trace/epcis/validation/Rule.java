package city.trace.epcis.validation;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks one JSON value, reporting each problem at the context's current path. */
@FunctionalInterface
interface Rule {

    void check(JsonNode value, ValidationContext context);
}
