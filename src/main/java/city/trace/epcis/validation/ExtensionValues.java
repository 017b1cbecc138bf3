package city.trace.epcis.validation;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The values of user extensions and ILMD: free in shape, but the Event Hash ID reads them all, so every
 * string it takes for a GS1 identifier must be a valid one, and every number must be finite.
 */
final class ExtensionValues {

    private ExtensionValues() {
    }

    static void check(JsonNode value, ValidationContext context) {
        switch (value.getNodeType()) {
            case STRING -> Rules.checkHashable(value.textValue(), context);
            case NUMBER -> Rules.checkFinite(value, context);
            case ARRAY -> {
                for (int i = 0; i < value.size(); i++) {
                    context.enter(i);
                    check(value.get(i), context);
                    context.leave();
                }
            }
            case OBJECT -> {
                for (Map.Entry<String, JsonNode> property : value.properties()) {
                    context.enter(property.getKey());
                    check(property.getValue(), context);
                    context.leave();
                }
            }
            default -> {
                // booleans and nulls are always fine
            }
        }
    }
}
