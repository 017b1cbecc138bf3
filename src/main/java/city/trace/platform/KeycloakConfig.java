package city.trace.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The Keycloak realm that authenticates people and machine clients. The OIDC settings
 * ({@code quarkus.oidc.*}) are derived from these in application.properties; in production set
 * {@code CITYTRACE_KEYCLOAK_URL} and the client secret ({@code CITYTRACE_WEB_CLIENT_SECRET}).
 */
@ConfigMapping(prefix = "citytrace.keycloak")
public interface KeycloakConfig {

    /** Base URL of the Keycloak server (without /realms/…). */
    @WithDefault("http://localhost:8180")
    String url();

    @WithDefault("citytrace")
    String realm();

    /** The realm's URL: the OIDC issuer. */
    default String realmUrl() {
        return url() + "/realms/" + realm();
    }
}
