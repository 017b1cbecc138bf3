package city.trace.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class Gs1KeyTest {

    @Test
    void checkDigitsOfPublishedExamples() {
        assertTrue(CheckDigit.isValid("5901234123457"), "EAN-13 example");
        assertTrue(CheckDigit.isValid("036000291452"), "UPC-A example");
        assertEquals(7, CheckDigit.compute("590123412345"));
        assertEquals(2, CheckDigit.compute("03600029145"));
        assertFalse(CheckDigit.isValid("5901234123458"));
        assertFalse(CheckDigit.isValid("59012341234x7"));
        assertFalse(CheckDigit.isValid(""));
    }

    @Test
    void everySingleDigitErrorIsCaught() {
        String valid = CheckDigit.append("0871234500001");
        for (int i = 0; i < valid.length(); i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != valid.charAt(i)) {
                    String typo = valid.substring(0, i) + d + valid.substring(i + 1);
                    assertFalse(CheckDigit.isValid(typo), typo);
                }
            }
        }
    }

    @Test
    void gtinShorterFormsArePaddedToFourteenDigits() {
        assertEquals("05901234123457", Gs1Key.GTIN.normalise("5901234123457"));
        assertEquals("00036000291452", Gs1Key.GTIN.normalise(" 036000291452 "));
        assertTrue(Gs1Key.GTIN.isValid("5901234123457"));
        assertEquals("1234567", Gs1Key.GLN.normalise("1234567"), "only GTINs are padded");
    }

    @Test
    void problemsAreStatedPrecisely() {
        assertEquals(Optional.of("GTIN check digit is wrong: expected 7, found 8"), Gs1Key.GTIN.problem("5901234123458"));
        assertEquals(Optional.of("GLN must have 13 digits, not 12"), Gs1Key.GLN.problem("590123412345"));
        assertEquals(Optional.of("GTIN must have 8, 12, 13 or 14 digits, not 10"), Gs1Key.GTIN.problem("1234567890"));
        assertEquals(Optional.of("SSCC must contain digits only"), Gs1Key.SSCC.problem("10614141A234567890"));
        assertEquals(Optional.of("GLN is required"), Gs1Key.GLN.problem(" "));
        assertEquals(Optional.empty(), Gs1Key.SSCC.problem(CheckDigit.append("10614141123456789")));
    }

    @Test
    void asWrittenInAPathWhitespaceIsNoPartOfAKey() {
        assertEquals(Optional.empty(), Gs1Key.GTIN.exactProblem("5901234123457"));
        assertEquals("05901234123457", Gs1Key.GTIN.normaliseExact("5901234123457"));
        for (String spaced : new String[] { " 5901234123457", "5901234123457 ", "\t5901234123457", "\u20035901234123457" }) {
            assertEquals(Optional.empty(), Gs1Key.GTIN.problem(spaced), "a form forgives it");
            assertEquals(Optional.of("GTIN must contain digits only"), Gs1Key.GTIN.exactProblem(spaced));
        }
        assertEquals(Optional.of("GTIN must have 8, 12, 13 or 14 digits, not 5"), Gs1Key.GTIN.exactProblem("12345"));
        assertEquals(Optional.of("GTIN is required"), Gs1Key.GTIN.exactProblem(""));
    }
}
