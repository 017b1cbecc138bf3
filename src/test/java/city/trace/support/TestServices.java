package city.trace.support;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * The real services every {@code @QuarkusTest} runs against, started once for the whole suite (in parallel):
 * PostgreSQL, an anvil chain node and Keycloak. Nothing is mocked.
 */
@QuarkusTestResource(value = PostgresResource.class, parallel = true)
@QuarkusTestResource(value = AnvilResource.class, parallel = true)
@QuarkusTestResource(value = KeycloakResource.class, parallel = true)
public final class TestServices {

    private TestServices() {
    }
}
