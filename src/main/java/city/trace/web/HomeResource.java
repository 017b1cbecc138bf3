package city.trace.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The public landing page, and the login entry point. */
@Path("/")
public class HomeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();
    }

    @GET
    public TemplateInstance home() {
        return Templates.home();
    }

    /** Reaching this needs a login, so the OIDC code flow starts here; afterwards go to the dashboard. */
    @GET
    @Path("/login")
    @Authenticated
    public Response login() {
        return Forms.seeOther("/dashboard");
    }
}
