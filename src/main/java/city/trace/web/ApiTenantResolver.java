package city.trace.web;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.TenantResolver;
import io.quarkus.oidc.runtime.OidcUtils;
import io.vertx.ext.web.RoutingContext;

/**
 * Programs calling the APIs (/api, /epcis) authenticate with bearer tokens and get 401 when they have
 * none, instead of the browser's redirect to the login page. A browser that holds a CityTrace session
 * uses that session on these paths too (e.g. capturing from a logged-in page).
 */
@ApplicationScoped
public class ApiTenantResolver implements TenantResolver {

    /** The OIDC tenant for bearer-token clients (quarkus.oidc.api.*). */
    static final String API_TENANT = "api";
    private static final String SESSION_COOKIE = "q_session";

    @Override
    public String resolve(RoutingContext context) {
        String path = context.request().path();
        boolean api = path.startsWith("/api/") || path.startsWith("/epcis/") || path.equals("/epcis");
        if (!api) {
            return null;
        }
        // the session's tenant named, not left to Quarkus's own resolution, which picked "api" on these paths too
        return context.request().getCookie(SESSION_COOKIE) == null ? API_TENANT : OidcUtils.DEFAULT_TENANT_ID;
    }
}
