package city.trace.proof;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Proof bundles as JSON, outside the app (the app's own ObjectMapper writes the same: ISO-8601 instants, no
 * nulls). Reading turns every way a document can fail to be a bundle into a {@link MalformedBundleException}
 * naming the place, e.g. {@code events[2].proof: root: expected 0x and 64 hex digits}.
 */
public final class ProofBundleJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            // a missing number must not read as 0 (leafIndex, treeSize, chainId)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ProofBundleJson() {
    }

    /** @throws MalformedBundleException when {@code json} is not a well-formed bundle */
    public static ProofBundle read(String json) {
        try {
            ProofBundle bundle = JSON.readValue(json, ProofBundle.class);
            if (bundle == null) {
                throw new MalformedBundleException("expected a JSON object, found null", null);
            }
            return bundle;
        } catch (JacksonException e) {
            throw new MalformedBundleException(describe(e), e);
        }
    }

    /** The bundle as people read it, indented. */
    public static String write(ProofBundle bundle) {
        return write(bundle, JSON.writer());
    }

    /** The bundle on as few bytes as JSON allows. */
    public static String writeCompact(ProofBundle bundle) {
        return write(bundle, JSON.writer().without(SerializationFeature.INDENT_OUTPUT));
    }

    /**
     * A bundle written to {@code out} an event at a time, for bundles too large to hold (an audit export):
     * {@link StreamedBundle#event} each, then {@link StreamedBundle#close}; the same JSON as {@link #write}.
     */
    public static StreamedBundle stream(OutputStream out, ProofBundle.Subject subject, Instant generatedAt)
            throws IOException {
        JsonGenerator json = JSON.createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.writeStartObject();
        json.writeStringField("format", ProofBundle.FORMAT);
        json.writeFieldName("subject");
        json.writeObject(subject);
        json.writeFieldName("generatedAt");
        json.writeObject(generatedAt);
        json.writeArrayFieldStart("events");
        return new StreamedBundle(json);
    }

    /** A bundle being written. */
    public static final class StreamedBundle implements AutoCloseable {

        private final JsonGenerator json;

        private StreamedBundle(JsonGenerator json) {
            this.json = json;
        }

        public void event(BundleEvent event) throws IOException {
            json.writeObject(event);
        }

        /** Ends the bundle and flushes it; the stream stays open. */
        @Override
        public void close() throws IOException {
            json.writeEndArray();
            json.writeEndObject();
            json.close();
        }
    }

    private static String write(ProofBundle bundle, ObjectWriter writer) {
        try {
            return writer.writeValueAsString(bundle);
        } catch (JacksonException e) {
            throw new IllegalStateException("a bundle record always has a JSON form", e);
        }
    }

    private static String describe(JacksonException e) {
        // a record's constructor refused a field: its own message names it
        String problem = e.getCause() instanceof IllegalArgumentException refused ? refused.getMessage()
                : e.getOriginalMessage();
        String where = e instanceof JsonMappingException mapping ? path(mapping.getPath()) : "";
        JsonLocation location = e.getLocation();
        String line = location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return (where.isEmpty() ? "" : where + ": ") + problem + line;
    }

    /** events[2].proof.root, from Jackson's references to the fields and array elements it was in. */
    private static String path(List<JsonMappingException.Reference> references) {
        return references.stream()
                .map(reference -> reference.getIndex() >= 0 ? "[" + reference.getIndex() + "]"
                        : "." + reference.getFieldName())
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }
}
