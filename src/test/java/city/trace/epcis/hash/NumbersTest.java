package city.trace.epcis.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

class NumbersTest {

    @ParameterizedTest
    @CsvSource({ "1.0, 1", "452.0, 452", "007, 7", "+5, 5", "0.3434, 0.3434", "0.50, 0.5", "-2.50, -2.5",
            "1e-3, 0.001", ".5, 0.5", "-0.0, -0", "1E+3, 1E+3", "1.0e3, 1.0E+3", "23.0, 23" })
    void textsLoseTrailingZerosAsInTheReference(String text, String expected) {
        assertEquals(expected, Numbers.canonical(text));
    }

    @ParameterizedTest
    @ValueSource(strings = { "A-1", "2019-10-21", "+01:00", "1-2", "e5", ".", "0x10", "Infinity", "12 kg",
            "1e-999999999" })
    void otherTextsAreNoNumbers(String text) {
        assertNull(Numbers.canonical(text));
    }

    @Test
    void jsonNumbersAreReadAsDoubles() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        assertEquals("452", Numbers.canonical(json.numberNode(452.0)));
        assertEquals("0.1", Numbers.canonical(json.numberNode(0.1)));
        assertEquals("0.000015", Numbers.canonical(json.numberNode(1.5e-5)));
        assertEquals("1E+16", Numbers.canonical(json.numberNode(1e16)));
        assertEquals("12345678901234567890", Numbers.canonical(json.numberNode(new java.math.BigInteger(
                "12345678901234567890"))));
    }

    @Test
    void aNumberBeyondTheRangeOfADoubleHasNoCanonicalForm() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        for (String number : new String[] { "1e400", "-2.5E+999" }) {
            InvalidEventException e = assertThrows(InvalidEventException.class,
                    () -> Numbers.canonical(json.numberNode(new java.math.BigDecimal(number).doubleValue())));
            assertTrue(e.getMessage().contains("1.8E308"), e.getMessage());
        }
    }
}
