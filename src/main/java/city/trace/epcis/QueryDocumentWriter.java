package city.trace.epcis;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.ObjectMapper;

import city.trace.epcis.xml.XmlDocumentWriter;

/** Writes a {@link QueryDocument} in the media type the client negotiated: JSON-LD, or the XML binding. */
@Provider
@Produces({ MediaType.APPLICATION_JSON, EpcisDocuments.MEDIA_TYPE, MediaType.APPLICATION_XML, MediaType.TEXT_XML })
public class QueryDocumentWriter implements MessageBodyWriter<QueryDocument> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == QueryDocument.class;
    }

    @Override
    public void writeTo(QueryDocument document, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        if (!mediaType.getSubtype().equalsIgnoreCase("xml")) {
            out.write(document.json().getBytes(StandardCharsets.UTF_8));
            return;
        }
        XmlDocumentWriter.write(JSON.readTree(document.json()), out);
    }
}
