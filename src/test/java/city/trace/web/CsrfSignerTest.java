package city.trace.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Without a usable CSRF secret the app does not start, and says which setting to give it. */
class CsrfSignerTest {

    @Test
    void aMissingSecretIsNamed() {
        String message = assertThrows(IllegalStateException.class, () -> new CsrfSigner(Optional.empty())).getMessage();
        assertTrue(message.startsWith("CITYTRACE_WEB_CSRF_SECRET (citytrace.web.csrf-secret) is not set"), message);
        assertTrue(message.contains("at least 32 characters, the same on every instance"), message);
    }

    @Test
    void aShortSecretIsRefusedWithoutShowingIt() {
        String message = assertThrows(IllegalStateException.class,
                () -> new CsrfSigner(Optional.of("short-secret-of-31-characters-x"))).getMessage();
        assertTrue(message.contains("has 31 characters"), message);
        assertFalse(message.contains("short-secret"), message);
    }
}
