package city.trace.epcis;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import city.trace.web.Problem;

/** Reads a request body that must be one JSON object, with a precise error when it is not. */
final class JsonBody {

    private JsonBody() {
    }

    /** @throws CaptureRejectedException (400) saying where the JSON is broken */
    static JsonNode object(ObjectMapper json, byte[] body) {
        try {
            JsonNode document = json.readTree(body);
            if (document == null || !document.isObject()) {
                throw new CaptureRejectedException("The body is not an EPCIS document",
                        List.of(new Problem.Error("", "the body must be a JSON object (an EPCIS document)")));
            }
            return document;
        } catch (JsonProcessingException e) {
            throw new CaptureRejectedException("The body is not valid JSON", List.of(new Problem.Error("",
                    "not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new CaptureRejectedException("The body could not be read",
                    List.of(new Problem.Error("", String.valueOf(e.getMessage()))));
        }
    }
}
