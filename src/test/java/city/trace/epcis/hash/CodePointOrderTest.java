package city.trace.epcis.hash;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CodePointOrderTest {

    @Test
    void codePointOrderPutsCharactersBeyondTheBmpLast() {
        assertTrue(before("a\uFFFD", "a\uD83D\uDE00"));
        assertTrue(before("a=1", "a{"));
        assertTrue(before("ab", "abc"));
    }

    private static boolean before(String a, String b) {
        return CodePointOrder.INSTANCE.compare(a, b) < 0;
    }
}
