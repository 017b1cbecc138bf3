package city.trace.web;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The key of the forms' CSRF tokens (see {@link CsrfToken}). */
@ConfigMapping(prefix = "citytrace.web")
public interface CsrfConfig {

    /**
     * The secret that signs the CSRF tokens of the forms (HMAC-SHA256), at least {@value CsrfSigner#MIN_LENGTH}
     * characters: the same on every instance of one site and after every restart, or a form opened before is refused
     * when it is sent. Required in production ({@code CITYTRACE_WEB_CSRF_SECRET}); ./run.sh keeps one in its data folder.
     */
    Optional<String> csrfSecret();
}
