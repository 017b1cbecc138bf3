package city.trace.web;

import jakarta.enterprise.context.ApplicationScoped;

import city.trace.web.MetricsConfig;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The HTTP security policy of /q/metrics (quarkus.http.auth.permission.metrics): operators only, unless
 * {@link MetricsConfig#open()}. Metrics tell how busy the consortium's members are and how the anchoring
 * account fares, which is no business of the public. An anonymous caller is challenged (401), a signed-in
 * one without the role refused (403).
 */
@ApplicationScoped
public class MetricsAccess implements HttpSecurityPolicy {

    /** The realm role of those who run CityTrace (and of the citytrace-metrics client that Prometheus uses). */
    public static final String OPERATOR = "operator";

    private final MetricsConfig config;

    MetricsAccess(MetricsConfig config) {
        this.config = config;
    }

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext context) {
        if (config.open()) {
            return CheckResult.permit();
        }
        return identity.map(caller -> caller.hasRole(OPERATOR) ? CheckResult.PERMIT : CheckResult.DENY);
    }

    @Override
    public String name() {
        return "metrics";
    }
}
