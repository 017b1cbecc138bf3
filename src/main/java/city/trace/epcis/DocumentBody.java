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
import city.trace.epcis.xml.InvalidXmlException;
import city.trace.epcis.xml.XmlDocumentReader;
import city.trace.web.Problem;

/**
 * Reads the body of capture and of the event hash: one EPCIS document, in JSON-LD (one JSON object) or in the XML
 * binding (EPCIS 1.2 or 2.0, read into the JSON-LD document it is equivalent to), within the limits of
 * {@link EpcisConfig}; anything else is refused with a problem that says what is wrong (415 for the content
 * type, 413 for the size, 400 for the JSON or XML).
 */
@ApplicationScoped
class DocumentBody {

    /** The content types of EPCIS documents in JSON (parameters such as charset aside). */
    private static final List<MediaType> JSON_TYPES = List.of(MediaType.valueOf(EpcisDocuments.MEDIA_TYPE),
            MediaType.APPLICATION_JSON_TYPE);
    /** The content types of EPCIS documents in XML. */
    private static final List<MediaType> XML_TYPES = List.of(MediaType.APPLICATION_XML_TYPE, MediaType.TEXT_XML_TYPE);

    private final EpcisConfig config;
    private final ObjectMapper json;
    private final XmlDocumentReader xml;

    DocumentBody(EpcisConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json.copy();
        this.json.getFactory().setStreamReadConstraints(new JsonLimits(config));
        // an XML document nests about twice as deep as its JSON twin (list wrappers)
        this.xml = new XmlDocumentReader(2 * config.maxJsonDepth(), config.maxJsonStringLength());
    }

    /**
     * @param contentType   the request's Content-Type header, or null
     * @param contentLength the request's Content-Length header, or null when the body is streamed
     */
    JsonNode document(String contentType, Long contentLength, InputStream body) {
        MediaType given = mediaType(contentType);
        if (isOneOf(given, XML_TYPES)) {
            return fromXml(read(body, contentLength));
        }
        if (!isOneOf(given, JSON_TYPES)) {
            throw new UnsupportedContentTypeException("The body must be an EPCIS document in "
                    + JSON_TYPES.get(0) + ", " + JSON_TYPES.get(1) + " or " + XML_TYPES.get(0)
                    + "; this request's Content-Type is " + (contentType == null ? "missing" : contentType));
        }
        return object(read(body, contentLength));
    }

    private static boolean isOneOf(MediaType given, List<MediaType> types) {
        return given != null && types.stream().anyMatch(t -> t.getType().equalsIgnoreCase(given.getType())
                && t.getSubtype().equalsIgnoreCase(given.getSubtype()));
    }

    private JsonNode fromXml(byte[] body) {
        try {
            return xml.read(body);
        } catch (InvalidXmlException e) {
            throw new CaptureRejectedException("The body is not an EPCIS XML document this repository reads",
                    List.of(new Problem.Error("", e.getMessage())));
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
