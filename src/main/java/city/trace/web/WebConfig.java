package city.trace.web;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The pages people use in their browsers. */
@ConfigMapping(prefix = "citytrace.web")
public interface WebConfig {

    /**
     * Marks every cookie the app sets Secure (browsers then send it over HTTPS only): on wherever the site is
     * served over TLS, also behind a proxy that terminates TLS. Off by default for http://localhost. A request
     * that arrives over HTTPS (or that a trusted proxy says did, see quarkus.http.proxy.*) gets Secure cookies
     * anyway.
     */
    @WithDefault("false")
    boolean secureCookies();

    /**
     * The secret that signs the CSRF tokens of the forms (HMAC-SHA256), at least {@value CsrfSigner#MIN_LENGTH}
     * characters: the same on every instance of one site and after every restart, or a form opened before is refused
     * when it is sent. Required in production ({@code CITYTRACE_WEB_CSRF_SECRET}); ./run.sh keeps one in its data folder.
     */
    Optional<String> csrfSecret();
}
