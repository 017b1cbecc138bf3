package city.trace.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * Cross-site request forgery token of the current request (signed double-submit cookie, as OWASP
 * recommends): the browser holds a random value in an HttpOnly, SameSite=Strict cookie, and every form
 * carries the HMAC of that value under a key only the server knows. A forged form from another site can
 * neither read the cookie nor compute the HMAC. Templates read {@code inject:csrf.token}.
 */
@RequestScoped
@Named("csrf")
public class CsrfToken {

    public static final String COOKIE = "citytrace-csrf";
    public static final String FIELD = "csrf-token";

    /** Signs with a key made at start-up: forms opened before a restart must be reloaded once. */
    private static final byte[] KEY = randomBytes(32);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private String cookieValue;
    private boolean fresh;

    /** Adopts the browser's cookie value, or makes a new one that the response must set. */
    void bind(String valueFromCookie) {
        if (valueFromCookie != null && valueFromCookie.length() >= 32) {
            cookieValue = valueFromCookie;
        } else {
            cookieValue = B64.encodeToString(randomBytes(32));
            fresh = true;
        }
    }

    boolean isFresh() {
        return fresh;
    }

    String cookieValue() {
        return cookieValue;
    }

    /** The value a form must send back in its {@value #FIELD} field. */
    public String getToken() {
        return sign(cookieValue);
    }

    static boolean matches(String cookie, String submitted) {
        return cookie != null && submitted != null
                && MessageDigest.isEqual(sign(cookie).getBytes(StandardCharsets.US_ASCII),
                        submitted.getBytes(StandardCharsets.US_ASCII));
    }

    private static String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
