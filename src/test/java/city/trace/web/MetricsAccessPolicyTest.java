package city.trace.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The setting that opens /q/metrics for a local setup (the suite runs with the default, closed:
 * {@link MetricsAccessTest} shows it against the real Keycloak).
 */
class MetricsAccessPolicyTest {

    private static final SecurityIdentity ANONYMOUS = QuarkusSecurityIdentity.builder().setAnonymous(true).build();
    private static final SecurityIdentity MEMBER = QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal("bob")).addRole("manufacturer").build();
    private static final SecurityIdentity OPERATOR = QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal("service-account-citytrace-metrics")).addRole(MetricsAccess.OPERATOR)
            .build();

    private static boolean permits(boolean open, SecurityIdentity caller) {
        return new MetricsAccess(() -> open).checkPermission(null, Uni.createFrom().item(caller), null)
                .await().indefinitely().isPermitted();
    }

    @Test
    void closedByDefaultToAllButOperators() {
        assertFalse(permits(false, ANONYMOUS));
        assertFalse(permits(false, MEMBER));
        assertTrue(permits(false, OPERATOR));
    }

    @Test
    void openToEveryoneWhenSet() {
        assertTrue(permits(true, ANONYMOUS));
        assertTrue(permits(true, MEMBER));
    }
}
