package city.trace.device.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What CityTrace answered: a status and a body, JSON on success and RFC 9457 problem details on refusal. */
record Reply(int status, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BODY_SHOWN = 200;

    JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return JSON.missingNode();
        }
    }

    /** One line: the status, then what was accepted or the problem's title and detail. */
    String summary() {
        JsonNode json = json();
        if (json.has("accepted")) {
            return status + " accepted " + json.path("accepted").asText() + ", event " + json.path("eventId").asText()
                    + (json.path("lots").isEmpty() ? "" : ", lots " + json.path("lots"));
        }
        if (json.has("title")) {
            return status + " " + json.path("title").asText()
                    + (json.hasNonNull("detail") ? ": " + json.path("detail").asText() : "");
        }
        String text = body.strip();
        return status + (text.isEmpty() ? "" : " " + text.substring(0, Math.min(text.length(), BODY_SHOWN)));
    }
}
