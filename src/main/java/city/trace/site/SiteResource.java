package city.trace.site;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import city.trace.org.CurrentMember;
import city.trace.web.FormErrors;
import city.trace.web.Forms;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** A manufacturer's sites (fields, plants, depots, shops) and the form that adds one. */
@Path("/sites")
@RolesAllowed(CurrentMember.MANUFACTURER)
public class SiteResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sites(List<Site> sites, SiteForm form, FormErrors errors, String prefix);
    }

    @Inject
    CurrentMember member;

    @Inject
    SiteService sites;

    @GET
    public TemplateInstance page() {
        return page(new SiteForm(), FormErrors.none());
    }

    @POST
    public Response add(@BeanParam SiteForm form) {
        return Forms.submit(() -> sites.register(member.organization(), form), site -> "/sites",
                errors -> page(form, errors));
    }

    private TemplateInstance page(SiteForm form, FormErrors errors) {
        return Templates.sites(Site.listByOrganization(member.organization()), form, errors,
                member.organization().gs1CompanyPrefix);
    }
}
