package city.trace.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

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

    @Test
    void anAuditPathNamesTheNodeThatIsNoHash() {
        assertEquals(List.of(ROOT, ROOT), BundleFields.bytes32Each(List.of(ROOT, ROOT), "auditPath"));
        assertEquals("auditPath[1]: expected 0x and 64 hex digits, found \"0x12\"", assertThrows(
                IllegalArgumentException.class, () -> BundleFields.bytes32Each(List.of(ROOT, "0x12"), "auditPath"))
                .getMessage());
        assertEquals("auditPath[0]: missing", assertThrows(IllegalArgumentException.class,
                () -> BundleFields.bytes32Each(Arrays.asList((String) null), "auditPath")).getMessage());
        assertEquals("auditPath: missing", assertThrows(IllegalArgumentException.class,
                () -> BundleFields.bytes32Each(null, "auditPath")).getMessage());
    }

    @Test
    void anEventHashIdIsTakenApartOnlyInItsForm() {
        String digest = "0123456789abcdefABCDEF".repeat(3).substring(0, 64);
        EventHashId id = EventHashId.parse("ni:///sha-256;" + digest + "?ver=CBV2.0");
        assertEquals(digest.toLowerCase(), id.digest().toHex());
        assertEquals("CBV2.0", id.versionLabel());
        for (String wrong : new String[] { "ni:///sha-256;" + digest + "?ver=", "ni:///sha-256;" + digest,
                "ni:///sha-256;" + digest.substring(1) + "?ver=CBV2.0", "ni:///sha-256;" + digest + "0?ver=CBV2.0",
                "ni:///sha-256;" + digest.substring(1) + "g?ver=CBV2.0", "ni:///sha-256;" + digest.substring(1)
                        + "\uFF10?ver=CBV2.0", "ni:///sha-256;" + digest + "?ver=CBV 2.0", "ni:///sha-512;" + digest
                        + "?ver=CBV2.0", "NI:///sha-256;" + digest + "?ver=CBV2.0", "" }) {
            IllegalArgumentException problem = assertThrows(IllegalArgumentException.class, () -> EventHashId.parse(wrong),
                    wrong);
            assertEquals("expected ni:///sha-256;<64 hex digits>?ver=<version>, found \"" + wrong + "\"",
                    problem.getMessage());
        }
    }
}
