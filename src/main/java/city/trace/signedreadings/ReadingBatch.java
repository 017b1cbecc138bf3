package city.trace.signedreadings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a device signs: its identifier, a counter that grows with every batch (so a replayed batch is seen as
 * one), and its readings. {@link #parse} accepts exactly the documented members and nothing else, so that a
 * signed payload has one meaning.
 *
 * @param device the device identifier URI, as registered
 * @param counter 1 … 2^53−1, higher than the device's last accepted batch
 * @param readings 1 … 1,000 readings, in any order
 */
public record ReadingBatch(String device, long counter, List<Reading> readings) {

    public static final int MAX_PAYLOAD_BYTES = 256 * 1024;
    public static final int MAX_READINGS = 1_000;
    /** The largest integer every JSON reader (IEEE doubles included) holds exactly. */
    public static final long MAX_COUNTER = (1L << 53) - 1;
    static final int MAX_URI_LENGTH = 300;

    private static final List<String> BATCH_MEMBERS = List.of("device", "counter", "readings");
    private static final List<String> READING_MEMBERS = List.of("time", "type", "value", "unit");
    /** RFC 3339 §5.6 date-time; the offset is required, seconds offsets and lowercase letters are not allowed. */
    private static final Pattern RFC_3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    /** A GS1 Web Vocabulary measurement type term such as Temperature or RelativeHumidity. */
    private static final Pattern MEASUREMENT_TYPE = Pattern.compile("[A-Z][A-Za-z]{1,63}");
    /** A UN/ECE Recommendation 20 unit code such as CEL, FAH, KEL or P1. */
    private static final Pattern UNIT_CODE = Pattern.compile("[A-Z0-9]{2,3}");

    /**
     * One measurement.
     *
     * @param time when it was taken
     * @param type a GS1 measurement type term (Temperature, RelativeHumidity…) or an absolute URI
     * @param value the measured value, exactly as sent
     * @param unit a UN/ECE Rec 20 unit code (CEL for degrees Celsius)
     */
    public record Reading(Instant time, String type, BigDecimal value, String unit) {

        public Reading {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(unit, "unit");
        }
    }

    public ReadingBatch {
        Objects.requireNonNull(device, "device");
        readings = List.copyOf(readings);
    }

    /**
     * Reads a payload.
     *
     * @throws InvalidReadingsException naming the JSON pointer of the first offending value and why
     */
    public static ReadingBatch parse(byte[] json) {
        if (json.length > MAX_PAYLOAD_BYTES) {
            throw InvalidReadingsException.at("", "is " + json.length + " bytes, more than the " + MAX_PAYLOAD_BYTES
                    + " (256 KiB) allowed: send smaller batches");
        }
        JsonNode batch = StrictJson.read(json, InvalidReadingsException::at);
        requireExactly(batch, "", BATCH_MEMBERS);
        String device = uri(batch.get("device"), "/device");
        long counter = counter(batch.get("counter"));
        JsonNode readings = batch.get("readings");
        if (!readings.isArray()) {
            throw InvalidReadingsException.at("/readings", "not an array");
        }
        if (readings.isEmpty() || readings.size() > MAX_READINGS) {
            throw InvalidReadingsException.at("/readings", "holds " + readings.size() + " readings, expected 1 to "
                    + MAX_READINGS);
        }
        List<Reading> parsed = new ArrayList<>(readings.size());
        for (int i = 0; i < readings.size(); i++) {
            parsed.add(reading(readings.get(i), "/readings/" + i));
        }
        return new ReadingBatch(device, counter, parsed);
    }

    /** Compact JSON, members in the documented order, times as RFC 3339 UTC. */
    byte[] toJson() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                JsonGenerator json = StrictJson.MAPPER.getFactory().createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringField("device", device);
            json.writeNumberField("counter", counter);
            json.writeArrayFieldStart("readings");
            for (Reading reading : readings) {
                json.writeStartObject();
                json.writeStringField("time", reading.time().toString());
                json.writeStringField("type", reading.type());
                json.writeNumberField("value", reading.value());
                json.writeStringField("unit", reading.unit());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }

    private static Reading reading(JsonNode reading, String pointer) {
        requireExactly(reading, pointer, READING_MEMBERS);
        return new Reading(time(reading.get("time"), pointer + "/time"), type(reading.get("type"), pointer + "/type"),
                value(reading.get("value"), pointer + "/value"), unit(reading.get("unit"), pointer + "/unit"));
    }

    private static void requireExactly(JsonNode node, String pointer, List<String> members) {
        if (!node.isObject()) {
            throw InvalidReadingsException.at(pointer, "not a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!members.contains(name)) {
                throw InvalidReadingsException.at(pointer + "/" + escape(name),
                        "unknown member: expected only " + members);
            }
        }
        for (String member : members) {
            if (!node.has(member)) {
                throw InvalidReadingsException.at(pointer + "/" + member, "missing");
            }
        }
    }

    private static String uri(JsonNode node, String pointer) {
        String text = text(node, pointer);
        if (text.isBlank() || text.length() > MAX_URI_LENGTH) {
            throw InvalidReadingsException.at(pointer, "must be 1 to " + MAX_URI_LENGTH + " characters");
        }
        if (!isAbsoluteUri(text)) {
            throw InvalidReadingsException.at(pointer, "not an absolute URI");
        }
        return text;
    }

    private static long counter(JsonNode node) {
        if (!node.isIntegralNumber()) {
            throw InvalidReadingsException.at("/counter", "not an integer");
        }
        BigInteger counter = node.bigIntegerValue();
        if (counter.signum() <= 0 || counter.compareTo(BigInteger.valueOf(MAX_COUNTER)) > 0) {
            throw InvalidReadingsException.at("/counter", counter + " is out of range: 1 to " + MAX_COUNTER);
        }
        return counter.longValueExact();
    }

    private static Instant time(JsonNode node, String pointer) {
        String text = text(node, pointer);
        if (RFC_3339.matcher(text).matches()) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                // well-shaped but impossible (February 30th, hour 24): refused like a shapeless one, below
            }
        }
        throw InvalidReadingsException.at(pointer, "not an RFC 3339 date-time with offset (like 2026-12-06T10:00:00Z)");
    }

    private static String type(JsonNode node, String pointer) {
        String text = text(node, pointer);
        if (MEASUREMENT_TYPE.matcher(text).matches() || text.length() <= MAX_URI_LENGTH && isAbsoluteUri(text)) {
            return text;
        }
        throw InvalidReadingsException.at(pointer, "not a GS1 measurement type (like Temperature) or an absolute URI");
    }

    private static BigDecimal value(JsonNode node, String pointer) {
        if (!node.isNumber()) {
            throw InvalidReadingsException.at(pointer, "not a JSON number");
        }
        BigDecimal value = node.decimalValue();
        if (!Double.isFinite(value.doubleValue())) {
            throw InvalidReadingsException.at(pointer, "beyond the range of a finite double");
        }
        return value;
    }

    private static String unit(JsonNode node, String pointer) {
        String text = text(node, pointer);
        if (!UNIT_CODE.matcher(text).matches()) {
            throw InvalidReadingsException.at(pointer, "not a UN/ECE Rec 20 unit code (like CEL)");
        }
        return text;
    }

    private static String text(JsonNode node, String pointer) {
        if (!node.isTextual()) {
            throw InvalidReadingsException.at(pointer, "not a string");
        }
        return node.textValue();
    }

    private static boolean isAbsoluteUri(String text) {
        try {
            return new URI(text).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** RFC 6901: ~ and / in a member name. */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
