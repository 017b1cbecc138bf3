package city.trace.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A member may not point the server's webhooks at the services beside it (production setting). */
class DestinationsTest {

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:5432/", "http://localhost:8180/admin", "http://10.0.0.8/hook",
            "http://192.168.1.1/", "http://172.16.5.4/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/",
            "http://[fd00::1]/", "http://0.0.0.0/", "http://100.64.0.1/" })
    void localAndPrivateAddressesAreRefused(String dest) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Destinations.check(dest, false));
        assertEquals(true, refused.getMessage().contains("public addresses only"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://example.com/x", "file:///etc/passwd", "/relative", "https://user:pw@93.184.216.34/",
            "not a url" })
    void onlyAbsoluteHttpUrlsWithoutUserInfo(String dest) {
        assertThrows(IllegalArgumentException.class, () -> Destinations.check(dest, true));
    }

    @Test
    void publicAddressesAndLocalOnesWhenAllowedPass() {
        assertEquals("https://93.184.216.34/epcis/callback",
                Destinations.check("https://93.184.216.34/epcis/callback", false).toString());
        assertEquals("http://127.0.0.1:9000/hook", Destinations.check("http://127.0.0.1:9000/hook", true).toString());
    }
}
