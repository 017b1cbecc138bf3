package city.trace.epcis.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @ParameterizedTest
    @CsvSource({
            "2020-03-04T11:00:30+01:00, 2020-03-04T10:00:30.000Z",
            "2020-03-04T11:00:30.5Z, 2020-03-04T11:00:30.500Z",
            "2005-04-03T20:33:31.116000-06:00, 2005-04-04T02:33:31.116Z",
            "2020-03-04T11:00:30.000+0130, 2020-03-04T09:30:30.000Z",
            "2020-03-04T11:00Z, 2020-03-04T11:00:00.000Z",
            "2020-03-04T11:00:30, 2020-03-04T11:00:30.000Z", // no offset: UTC
            "2020-12-31T23:30:00-01:00, 2021-01-01T00:30:00.000Z" })
    void writesUtcWithMilliseconds(String value, String expected) {
        assertEquals(expected, Timestamps.canonical(value));
    }

    @ParameterizedTest
    @CsvSource({
            "2023-02-02T11:04:03.1415Z, 2023-02-02T11:04:03.142Z",
            "2023-02-02T11:04:03.1414Z, 2023-02-02T11:04:03.141Z",
            "2023-02-02T11:04:03.1005Z, 2023-02-02T11:04:03.101Z",
            // digits beyond microseconds are cut before rounding, as in the reference implementation
            "2023-02-02T11:04:03.1234999Z, 2023-02-02T11:04:03.123Z",
            "2023-12-31T23:59:59.9995Z, 2024-01-01T00:00:00.000Z" })
    void roundsHalfUpToMilliseconds(String value, String expected) {
        assertEquals(expected, Timestamps.canonical(value));
    }

    @ParameterizedTest
    @ValueSource(strings = { "2020-13-01T00:00:00Z", "2020-03-04", "yesterday", "2020-03-04T25:00:00Z",
            "2020-03-04T11:00:30.Z", "2020-03-04T11:00:30+1", "2020-03-04T11:00:30Z trailing" })
    void rejectsWhatIsNoDateTime(String value) {
        assertThrows(InvalidEventException.class, () -> Timestamps.canonical(value));
    }
}
