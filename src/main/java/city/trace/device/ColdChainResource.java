package city.trace.device;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import city.trace.org.CurrentMember;
import city.trace.org.Organization;
import city.trace.product.Product;
import city.trace.web.Choice;
import city.trace.web.FormErrors;
import city.trace.web.Forms;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** A manufacturer's cold-chain requirements and the alerts its lots raised. */
@Path("/cold-chain")
@RolesAllowed(CurrentMember.MANUFACTURER)
public class ColdChainResource {

    private static final int RECENT_ALERTS = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance coldChain(List<ColdChainRequirement> requirements, ColdChainForm form,
                FormErrors errors, List<Choice> products, List<ColdChainAlert> alerts);
    }

    @Inject
    CurrentMember member;

    @Inject
    ColdChainRequirements requirements;

    @GET
    public TemplateInstance page() {
        return page(new ColdChainForm(), FormErrors.none());
    }

    @POST
    public Response set(@BeanParam ColdChainForm form) {
        return Forms.submit(() -> requirements.set(member.organization(), form), r -> "/cold-chain",
                errors -> page(form, errors));
    }

    @POST
    @Path("/{id}/remove")
    public Response remove(long id) {
        requirements.remove(member.organization(), id);
        return Forms.seeOther("/cold-chain");
    }

    /** A login that interrupted a removal comes back here: see {@link Forms#backToForm}. */
    @GET
    @Path("/{id}/remove")
    public Response removeAgain(long id) {
        return Forms.backToForm("/cold-chain");
    }

    private TemplateInstance page(ColdChainForm form, FormErrors errors) {
        Organization org = member.organization();
        return Templates.coldChain(ColdChainRequirement.listByOrganization(org), form, errors,
                Choice.of(Product.listByOrganization(org), p -> p.gtin, p -> p.name + " (" + p.category + ")"),
                ColdChainAlert.listConcerning(org, RECENT_ALERTS));
    }
}
