package city.trace.batch;

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
import city.trace.shipment.ShipmentItem;
import city.trace.site.Site;
import city.trace.web.Choice;
import city.trace.web.FormErrors;
import city.trace.web.Forms;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

@Path("/batches")
@Authenticated
public class BatchResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(BatchForm form, FormErrors errors, List<Choice> products,
                List<Choice> sites, List<Choice> units);

        static native TemplateInstance detail(Batch batch, List<ShipmentItem> shipments, boolean owned);
    }

    @Inject
    CurrentMember member;

    @Inject
    BatchService batches;

    @GET
    @Path("/new")
    @RolesAllowed(CurrentMember.MANUFACTURER)
    public TemplateInstance newBatch() {
        return form(new BatchForm(), FormErrors.none());
    }

    @POST
    @RolesAllowed(CurrentMember.MANUFACTURER)
    public Response create(@BeanParam BatchForm form) {
        return Forms.submit(() -> batches.create(member.organization(), form), b -> "/batches/" + b.id,
                errors -> form(form, errors));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance detail(long id) {
        Batch batch = batches.findVisible(member, id);
        boolean owned = member.getOrganizationIfAny().filter(batch::ownedBy).isPresent();
        return Templates.detail(batch, ShipmentItem.listByBatch(batch), owned);
    }

    private TemplateInstance form(BatchForm form, FormErrors errors) {
        Organization org = member.organization();
        return Templates.form(form, errors,
                Choice.of(Product.listByOrganization(org), p -> p.id, p -> p.name + " (GTIN " + p.gtin + ")"),
                Choice.of(Site.listByOrganization(org), s -> s.id, s -> s.name + ", " + s.city),
                Choice.of(List.of(Unit.values()), Unit::name, u -> u.symbol));
    }
}
