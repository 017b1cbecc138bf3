package city.trace.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Cross-site request forgery token of the current request (signed double-submit cookie, as OWASP
 * recommends): the browser holds a random value in an HttpOnly, SameSite=Strict cookie, and every form
 * carries the HMAC of that value and of the login session under a key only the server knows (the configured
 * {@link WebConfig#csrfSecret()}, the same on every instance of the site and after restarts). A forged form from
 * another site can neither read the cookie nor compute the HMAC, and a token taken from one session (a planted
 * cookie with the attacker's own token) is worth nothing in another. Templates read {@code inject:csrf.token}.
 */
@RequestScoped
@Named("csrf")
public class CsrfToken {

    public static final String COOKIE = "citytrace-csrf";
    public static final String FIELD = "csrf-token";
    /** Where scripts send the token instead of a form field. */
    public static final String HEADER = "X-CSRF-Token";

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    /** 32 random bytes in base64url, as {@link #bind} makes them. */
    private static final Pattern COOKIE_VALUE = Pattern.compile("[A-Za-z0-9_-]{43}");

    @Inject
    SecurityIdentity identity;

    @Inject
    CsrfSigner signer;

    private String cookieValue;
    private boolean fresh;

    /** Adopts the browser's cookie value, or makes a new one that the response must set. */
    void bind(String valueFromCookie) {
        if (valueFromCookie != null && COOKIE_VALUE.matcher(valueFromCookie).matches()) {
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

    /** The value a form must send back in its {@value #FIELD} field (or a script in {@value #HEADER}). */
    public String getToken() {
        return signer.sign(cookieValue, session());
    }

    /** Whether {@code submitted} is this browser's token for this session; never when the cookie is new. */
    boolean matches(String submitted) {
        return !fresh && submitted != null
                && MessageDigest.isEqual(getToken().getBytes(StandardCharsets.US_ASCII),
                        submitted.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The login session the token belongs to: the user and Keycloak's session id ({@code sid}, the same
     * across token refreshes, new at every login); empty before login.
     */
    private String session() {
        if (identity.isAnonymous()) {
            return "";
        }
        Object sid = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim("sid") : null;
        return identity.getPrincipal().getName() + "\n" + (sid == null ? "" : sid);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
