package city.trace.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BundleFieldsTest {

    private static final String ROOT = "0x" + "0123456789abcdefABCDEF".repeat(3).substring(0, 64);

    @Test
    void aRootIs0xAnd64AsciiHexDigits() {
        assertEquals(ROOT, BundleFields.bytes32(ROOT, "root"));
        assertEquals("0x" + "a".repeat(40), BundleFields.address("0x" + "a".repeat(40), "contract"));
        for (String wrong : new String[] { ROOT.substring(0, 65), ROOT + "0", "0X" + ROOT.substring(2),
                ROOT.substring(0, 65) + "g", ROOT.substring(0, 65) + "\uFF10", " " + ROOT.substring(1) }) {
            IllegalArgumentException problem = assertThrows(IllegalArgumentException.class,
                    () -> BundleFields.bytes32(wrong, "root"), wrong);
            assertEquals("root: expected 0x and 64 hex digits, found \"" + wrong + "\"", problem.getMessage());
        }
        assertEquals("root: missing", assertThrows(IllegalArgumentException.class,
                () -> BundleFields.bytes32(null, "root")).getMessage());
    }
}
