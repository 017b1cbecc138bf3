package city.trace.epcis;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import city.trace.epcis.EpcisConfig;
import city.trace.web.Problem;

/**
 * Reads the body of capture and of the event hash, which must be one JSON object of an EPCIS content type
 * within the limits of {@link EpcisConfig}; anything else is refused with a problem that says what is wrong
 * (415 for the content type, 413 for the size, 400 for the JSON).
 */
@ApplicationScoped
class JsonBody {

    /** The content types of EPCIS documents in JSON (parameters such as charset aside). */
    private static final List<MediaType> MEDIA_TYPES = List.of(MediaType.valueOf(EpcisDocuments.MEDIA_TYPE),
            MediaType.APPLICATION_JSON_TYPE);

    private final EpcisConfig config;
    private final ObjectMapper json;

    JsonBody(EpcisConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json.copy();
        this.json.getFactory().setStreamReadConstraints(new JsonLimits(config));
    }

    /**
     * @param contentType   the request's Content-Type header, or null
     * @param contentLength the request's Content-Length header, or null when the body is streamed
     */
    JsonNode document(String contentType, Long contentLength, InputStream body) {
        requireEpcisType(contentType);
        return object(read(body, contentLength));
    }

    private static void requireEpcisType(String contentType) {
        MediaType given = mediaType(contentType);
        if (given == null || MEDIA_TYPES.stream().noneMatch(t -> t.getType().equalsIgnoreCase(given.getType())
                && t.getSubtype().equalsIgnoreCase(given.getSubtype()))) {
            throw new UnsupportedContentTypeException("The body must be an EPCIS document in "
                    + MEDIA_TYPES.get(0) + " or " + MEDIA_TYPES.get(1) + "; this request's Content-Type is "
                    + (contentType == null ? "missing" : contentType));
        }
    }

    /** The header's media type, or null when there is none or it is malformed. */
    private static MediaType mediaType(String header) {
        try {
            return header == null ? null : MediaType.valueOf(header);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private byte[] read(InputStream body, Long contentLength) {
        long limit = config.captureFileSizeLimit();
        if (contentLength != null && contentLength > limit) {
            throw CaptureLimitExceededException.bytes(contentLength + " bytes", limit);
        }
        try {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw CaptureLimitExceededException.bytes("more than " + limit + " bytes", limit);
            }
            return bytes;
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private JsonNode object(byte[] body) {
        try {
            JsonNode document = json.readTree(body);
            if (document == null || !document.isObject()) {
                throw new CaptureRejectedException("The body is not an EPCIS document",
                        List.of(new Problem.Error("", "the body must be a JSON object (an EPCIS document)")));
            }
            return document;
        } catch (StreamConstraintsException e) {
            throw new CaptureRejectedException("The body is over a limit of this repository",
                    List.of(new Problem.Error("", e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new CaptureRejectedException("The body is not valid JSON",
                    List.of(new Problem.Error("", "not valid JSON" + where + ": " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static CaptureRejectedException unreadable(IOException e) {
        return new CaptureRejectedException("The body could not be read",
                List.of(new Problem.Error("", String.valueOf(e.getMessage()))));
    }
}
