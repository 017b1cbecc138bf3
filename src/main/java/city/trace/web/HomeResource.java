package city.trace.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The public landing page with its Digital Link box, and the login entry point. */
@Path("/")
public class HomeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(LotLookup lookup, FormErrors errors);
    }

    @GET
    public TemplateInstance home() {
        return Templates.home(LotLookup.empty(), FormErrors.none());
    }

    /**
     * The Digital Link box, for visitors without a camera: a GET form (it changes nothing, and its answer may be
     * bookmarked) that leads to the lot's public page, or shows the landing page again saying what is wrong.
     */
    @GET
    @Path("/lookup")
    public Response lookup(@RestQuery String gtin, @RestQuery String lot) {
        LotLookup lookup = new LotLookup(gtin, lot);
        return Forms.submit(lookup::path, path -> path, errors -> Templates.home(lookup, errors));
    }

    /** Reaching this needs a login, so the OIDC code flow starts here; afterwards go to the dashboard. */
    @GET
    @Path("/login")
    @Authenticated
    public Response login() {
        return Forms.seeOther("/dashboard");
    }
}
