package city.trace.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.runtime.Startup;

/**
 * Signs CSRF tokens with the configured secret, so that every instance and every restart of the app agrees on them.
 * Made at start-up: without a usable secret the app does not start.
 */
@Singleton
@Startup
class CsrfSigner {

    static final int MIN_LENGTH = 32;
    private static final String SETTING = "CITYTRACE_WEB_CSRF_SECRET (citytrace.web.csrf-secret)";
    private static final String HOW = "Set it to a random value of at least " + MIN_LENGTH + " characters, the same on "
            + "every instance of the site (e.g. the output of `openssl rand -base64 48`).";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    @Inject
    CsrfSigner(WebConfig config) {
        this(config.csrfSecret());
    }

    CsrfSigner(Optional<String> secret) {
        String value = secret.orElseThrow(() -> new IllegalStateException(
                SETTING + " is not set: CityTrace signs the CSRF tokens of its forms with it. " + HOW));
        if (value.length() < MIN_LENGTH) {
            throw new IllegalStateException(SETTING + " has " + value.length() + " characters, too few to sign the "
                    + "CSRF tokens of the forms safely. " + HOW);
        }
        key = new SecretKeySpec(value.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The token of a browser's CSRF cookie value (base64url) in a login session. */
    String sign(String cookie, String session) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(cookie.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0); // the cookie is base64url: nothing in it can shift this boundary
            return B64.encodeToString(mac.doFinal(session.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
