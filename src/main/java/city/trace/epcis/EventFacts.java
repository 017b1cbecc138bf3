package city.trace.epcis;

import java.time.Instant;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

import city.trace.epcis.hash.CanonicalValues;

/**
 * What the query interface searches an event by, read from a validated event: vocabulary values as full
 * URIs and identifiers as canonical GS1 Digital Links (the forms the Event Hash ID uses too), so a query may
 * name them in any of their spellings.
 */
public record EventFacts(String type, String action, Instant eventTime, String eventTimeZoneOffset, String bizStep,
        String disposition, String readPoint, String bizLocation, String transformationId) {

    /** An identifier and the list it appears in: one row of the identifiers' index. */
    public record Identifier(IdentifierRole role, String value) {

        /** The row as "role identifier" (the role's code), to compare with rows read back from the index. */
        public String indexed() {
            return indexed(role.code, value);
        }

        static String indexed(String roleCode, String value) {
            return roleCode + " " + value;
        }
    }

    /** The facts of an event whose claims were read already; its identifiers are {@link EventClaims#identifiers()}. */
    public static EventFacts of(JsonNode event, CanonicalValues values, EventClaims claims) {
        return new EventFacts(event.path("type").asText(), text(event, "action"),
                OffsetDateTime.parse(event.path("eventTime").asText()).toInstant(),
                event.path("eventTimeZoneOffset").asText(),
                mapped(text(event, "bizStep"), values::bizStep),
                mapped(text(event, "disposition"), values::disposition),
                claims.readPoint(), claims.bizLocation(),
                mapped(text(event, "transformationID"), values::identifier));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.textValue().isBlank() ? value.textValue() : null;
    }

    private static String mapped(String value, java.util.function.UnaryOperator<String> canonical) {
        return value == null ? null : canonical.apply(value);
    }
}
