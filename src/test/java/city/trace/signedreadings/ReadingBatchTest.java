package city.trace.signedreadings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import city.trace.signedreadings.ReadingBatch.Reading;

class ReadingBatchTest {

    static final String DEVICE = "https://id.gs1.org/8004/0614141000012TRUCK7";
    static final String READING = "{\"time\":\"2026-12-06T10:00:00Z\",\"type\":\"Temperature\",\"value\":4.2,\"unit\":\"CEL\"}";

    static ReadingBatch batch(long counter) {
        return new ReadingBatch(DEVICE, counter, List.of(
                new Reading(Instant.parse("2026-12-06T10:00:00Z"), "Temperature", new BigDecimal("4.20"), "CEL"),
                new Reading(Instant.parse("2026-12-06T10:01:00.5Z"), "https://example.org/vocab/DoorOpen",
                        BigDecimal.ONE, "C62")));
    }

    @Test
    void readsTheDocumentedFormat() {
        ReadingBatch read = parse("{\"device\":\"" + DEVICE + "\",\"counter\":5,\"readings\":["
                + READING.replace("10:00:00Z", "11:00:00+01:00") + "," + READING.replace("Temperature", "RelativeHumidity")
                        .replace("CEL", "P1") + "]}");
        assertEquals(DEVICE, read.device());
        assertEquals(5, read.counter());
        assertEquals(new Reading(Instant.parse("2026-12-06T10:00:00Z"), "Temperature", new BigDecimal("4.2"), "CEL"),
                read.readings().get(0));
        assertEquals("RelativeHumidity", read.readings().get(1).type());
    }

    @Test
    void writesAndReadsBackTheSameBatchValuesKeptExactly() {
        ReadingBatch batch = batch(ReadingBatch.MAX_COUNTER);
        String json = new String(batch.toJson(), StandardCharsets.UTF_8);
        assertEquals("{\"device\":\"" + DEVICE + "\",\"counter\":9007199254740991,\"readings\":["
                + "{\"time\":\"2026-12-06T10:00:00Z\",\"type\":\"Temperature\",\"value\":4.20,\"unit\":\"CEL\"},"
                + "{\"time\":\"2026-12-06T10:01:00.500Z\",\"type\":\"https://example.org/vocab/DoorOpen\",\"value\":1,"
                + "\"unit\":\"C62\"}]}", json);
        assertEquals(batch, ReadingBatch.parse(batch.toJson()));
    }

    /** The second reading of a batch, its text with {@code original} replaced, is refused for the reason given. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "}                | ,\"colour\":\"red\"}                | /readings/1/colour: unknown member",
        "\"unit\":\"CEL\" | \"unit\":\"CEL\",\"unit\":\"FAH\" | /readings/1/unit: not valid JSON: Duplicate field 'unit'",
        "4.2              | \"4.2\"                             | /readings/1/value: not a JSON number",
        "4.2              | \"NaN\"                             | /readings/1/value: not a JSON number",
        "4.2              | NaN                                 | /readings/1/value: not valid JSON",
        "4.2              | 1e999                               | /readings/1/value: beyond the range of a finite double",
        "10:00:00Z        | 10:00:00                            | /readings/1/time: not an RFC 3339 date-time with offset",
        "2026-12-06       | 2026-02-30                          | /readings/1/time: not an RFC 3339 date-time with offset",
        "Temperature      | temperature                         | /readings/1/type: not a GS1 measurement type",
        "CEL              | degC                                | /readings/1/unit: not a UN/ECE Rec 20 unit code",
        ",\"unit\":\"CEL\"  | ``                                  | /readings/1/unit: missing" })
    void refusesAReadingWithItsPointerAndTheReason(String original, String replacement, String expected) {
        assertRefused("{\"device\":\"" + DEVICE + "\",\"counter\":1,\"readings\":[" + READING + ","
                + READING.replace(original, replacement) + "]}", expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0                | /counter: 0 is out of range",
        "-3               | /counter: -3 is out of range",
        "9007199254740992 | /counter: 9007199254740992 is out of range",
        "2.0              | /counter: not an integer",
        "\"7\"            | /counter: not an integer" })
    void refusesCountersThatAreNotWholeNumbersFromOneTo2To53(String counter, String expected) {
        assertRefused("{\"device\":\"" + DEVICE + "\",\"counter\":" + counter + ",\"readings\":[" + READING + "]}",
                expected);
    }

    @Test
    void refusesOtherBatchesWithThePointerAndTheReason() {
        assertRefused("{\"device\":\"truck 7\",\"counter\":1,\"readings\":[" + READING + "]}",
                "/device: not an absolute URI");
        assertRefused("{\"device\":\"" + DEVICE + "\",\"counter\":1,\"readings\":[]}", "/readings: holds 0 readings");
        assertRefused("{\"device\":\"" + DEVICE + "\",\"counter\":1,\"readings\":[" + READING + "]} {}",
                "payload: not valid JSON");
        assertRefused("[]", "payload: not a JSON object");
        assertRefused("", "payload: empty");
    }

    @Test
    void refusesMoreThanAThousandReadings() {
        String readings = IntStream.range(0, 1_001).mapToObj(i -> READING).collect(Collectors.joining(","));
        assertRefused("{\"device\":\"" + DEVICE + "\",\"counter\":1,\"readings\":[" + readings + "]}",
                "/readings: holds 1001 readings, expected 1 to 1000");
        String thousand = IntStream.range(0, 1_000).mapToObj(i -> READING).collect(Collectors.joining(","));
        assertEquals(1_000, parse("{\"device\":\"" + DEVICE + "\",\"counter\":1,\"readings\":[" + thousand + "]}")
                .readings().size());
    }

    @Test
    void refusesPayloadsOverTwoHundredFiftySixKibibytes() {
        InvalidReadingsException refused = assertThrows(InvalidReadingsException.class,
                () -> ReadingBatch.parse(new byte[ReadingBatch.MAX_PAYLOAD_BYTES + 1]));
        assertEquals("payload: is 262145 bytes, more than the 262144 (256 KiB) allowed: send smaller batches",
                refused.getMessage());
    }

    private static ReadingBatch parse(String json) {
        return ReadingBatch.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(String json, String expected) {
        InvalidReadingsException refused = assertThrows(InvalidReadingsException.class, () -> parse(json));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }
}
