package city.trace.epcis.validation;

import com.fasterxml.jackson.databind.JsonNode;

import city.trace.epcis.validation.Identifiers.Role;

/** The rules for the value types of the EPCIS JSON binding; {@code field} names the value in messages. */
final class Rules {

    static final Rule ANYTHING = (value, context) -> {
    };

    private static final String UUID_URN = "urn:uuid:";
    private static final String HEX = "0123456789abcdefABCDEF";

    private Rules() {
    }

    static Rule string(String field) {
        return (value, context) -> {
            if (!value.isTextual()) {
                context.report(field + " must be a string");
            }
        };
    }

    /** A JSON-LD node identifier: a URI, or a blank node such as GS1's examples give documents (_:document1). */
    static Rule nodeId(String field) {
        Rule uri = uri(field);
        return (value, context) -> {
            if (!(value.isTextual() && value.textValue().startsWith("_:") && value.textValue().length() > 2)) {
                uri.check(value, context);
            }
        };
    }

    /** A URI of any kind; one that looks like a GS1 identifier must be a valid one. */
    static Rule uri(String field) {
        return identifier(field, Role.ANY);
    }

    /** A URI that, when it is a GS1 identifier, must be well-formed; one of another kind than the role is warned about. */
    static Rule identifier(String field, Role role) {
        return (value, context) -> {
            if (!value.isTextual() || !Uris.isUri(value.textValue())) {
                context.report(field + " must be a URI");
                return;
            }
            String uri = value.textValue();
            String problem = Identifiers.problem(uri);
            if (problem != null) {
                context.report(problem);
                return;
            }
            String misplaced = Identifiers.misplaced(uri, role, field);
            if (misplaced != null) {
                context.warn(misplaced);
            }
            if (!Identifiers.isChecked(uri)) {
                // e.g. a CURIE, which the Event Hash ID expands before reading it as an identifier
                checkHashable(uri, context);
            }
        };
    }

    static Rule dateTime(String field) {
        return (value, context) -> {
            if (!value.isTextual() || DateTimes.epochMicros(value.textValue()) == DateTimes.INVALID) {
                context.report(field + " must be a date-time with a time zone offset, e.g. "
                        + "2026-11-22T10:15:00.000+01:00");
            }
        };
    }

    static Rule number(String field) {
        return (value, context) -> {
            if (!value.isNumber()) {
                context.report(field + " must be a number");
            } else {
                checkFinite(value, context);
            }
        };
    }

    static Rule nonNegativeNumber(String field) {
        return (value, context) -> {
            if (!value.isNumber() || value.doubleValue() < 0) {
                context.report(field + " must be a number of at least 0");
            } else {
                checkFinite(value, context);
            }
        };
    }

    static Rule bool(String field) {
        return (value, context) -> {
            if (!value.isBoolean()) {
                context.report(field + " must be true or false");
            }
        };
    }

    /** XML Schema hexBinary: pairs of hexadecimal digits. */
    static Rule hexBinary(String field) {
        return (value, context) -> {
            if (!value.isTextual() || !isHexBinary(value.textValue())) {
                context.report(field + " must be hexadecimal digits in pairs, e.g. 0FA3");
            }
        };
    }

    static Rule term(String field, TermField terms) {
        return (value, context) -> {
            if (!value.isTextual()) {
                context.report(field + " must be a string");
                return;
            }
            String problem = terms.problem(value.textValue(), field);
            if (problem != null) {
                context.report(problem);
            } else {
                checkHashable(value.textValue(), context);
            }
        };
    }

    /** A unit of measure: a UN/ECE Recommendation 20 common code. */
    static Rule uom(String field) {
        return (value, context) -> {
            if (!value.isTextual() || !isUnitCode(value.textValue())) {
                context.report(field + " must be a UN/ECE Recommendation 20 unit code of 2 or 3 capital letters "
                        + "or digits, e.g. KGM");
            }
        };
    }

    static Rule arrayOf(String field, Rule item) {
        return arrayOf(field, (value, index, context) -> item.check(value, context));
    }

    /** An array whose items are checked knowing their index, as events are. */
    static Rule arrayOf(String field, ItemRule item) {
        return (value, context) -> {
            if (!value.isArray()) {
                context.report(field + " must be an array");
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                context.enter(i);
                item.check(value.get(i), i, context);
                context.leave();
            }
        };
    }

    @FunctionalInterface
    interface ItemRule {
        void check(JsonNode item, int index, ValidationContext context);
    }

    /** A URI or an array of URIs, as certificationInfo may be. */
    static Rule uriOrUris(String field) {
        Rule one = uri(field);
        Rule many = arrayOf(field, one);
        return (value, context) -> (value.isArray() ? many : one).check(value, context);
    }

    /** An event identifier: CBV 2.0 allows a UUID URN or an Event Hash ID. */
    static Rule eventId(String field) {
        return (value, context) -> {
            String id = value.isTextual() ? value.textValue() : "";
            boolean hashId = id.startsWith("ni:") && Uris.isUri(id);
            if (!hashId && !isUuidUrn(id)) {
                context.report(field + " must be a UUID URN (urn:uuid:…) or an event hash ID (ni:///sha-256;…)");
            }
        };
    }

    /** A JSON-LD context: an IRI, an object of definitions, or an array of those. */
    static Rule context(String field) {
        return (value, context) -> {
            boolean valid = isContextEntry(value);
            if (value.isArray()) {
                valid = !value.isEmpty();
                for (JsonNode entry : value) {
                    valid &= isContextEntry(entry);
                }
            }
            if (!valid) {
                context.report(field + " must be a URI, an object or a non-empty array of them");
            }
        };
    }

    static Rule timeZoneOffset(String field) {
        return (value, context) -> {
            if (!value.isTextual() || !DateTimes.isZoneOffset(value.textValue())) {
                context.report(field + " must be +hh:mm or -hh:mm from -14:00 to +14:00, e.g. +01:00");
            }
        };
    }

    /** Reports a string that the Event Hash ID could not write: one it takes for an invalid GS1 identifier. */
    static void checkHashable(String text, ValidationContext context) {
        String problem = Identifiers.hashingProblem(text, context.namespaces());
        if (problem != null) {
            context.report(problem);
        }
    }

    /** Reports a number too large for a double, which the Event Hash ID cannot write. */
    static void checkFinite(JsonNode number, ValidationContext context) {
        if (!number.isIntegralNumber() && !Double.isFinite(number.doubleValue())) {
            context.report("number out of range: at most about 1.8E308 is allowed");
        }
    }

    private static boolean isContextEntry(JsonNode entry) {
        return entry.isObject() || entry.isTextual() && Uris.isUri(entry.textValue());
    }

    private static boolean isHexBinary(String text) {
        if (text.isEmpty() || text.length() % 2 != 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (HEX.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUnitCode(String text) {
        if (text.length() < 2 || text.length() > 3) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** {@code urn:uuid:} and 8-4-4-4-12 hexadecimal digits. */
    private static boolean isUuidUrn(String id) {
        int start = UUID_URN.length();
        if (id.length() != start + 36 || !id.regionMatches(true, 0, UUID_URN, 0, start)) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = id.charAt(start + i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : HEX.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
