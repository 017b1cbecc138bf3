package city.trace.product;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import city.trace.custody.Delegation;
import city.trace.custody.DelegationService;
import city.trace.gs1.DigitalLink;
import city.trace.org.CurrentMember;
import city.trace.org.Organization;
import city.trace.web.Choice;
import city.trace.web.FormErrors;
import city.trace.web.Forms;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

@Path("/products")
@RolesAllowed(CurrentMember.MANUFACTURER)
public class ProductResource {

    @CheckedTemplate
    static class Templates {
        /** {@code product} is null for a new product; {@code delegation} is the delegation form of an existing one. */
        static native TemplateInstance form(ProductForm form, FormErrors errors, Product product, String prefix,
                DelegationForm delegation);
    }

    /**
     * Who else may record lots of a product: the delegations in force, the members that could be added, and what
     * was wrong with the last choice.
     */
    public record DelegationForm(List<Delegation> delegations, List<Choice> members, String delegateId,
            FormErrors errors) {

        static DelegationForm of(Product product, Organization owner, String delegateId, FormErrors errors) {
            return new DelegationForm(Delegation.listOpenFor(DigitalLink.product(product.gtin).toUri()),
                    Choice.of(Organization.listAllByName().stream().filter(o -> !o.id.equals(owner.id)).toList(),
                            o -> o.id, o -> o.name + " (" + o.kind.label + ", " + o.city + ")"),
                    delegateId, errors);
        }
    }

    @Inject
    DelegationService delegations;

    @Inject
    CurrentMember member;

    @Inject
    ProductService products;

    @GET
    @Path("/new")
    public TemplateInstance newProduct() {
        return Templates.form(new ProductForm(), FormErrors.none(), null, member.organization().gs1CompanyPrefix, null);
    }

    @POST
    public Response create(@BeanParam ProductForm form) {
        return Forms.submit(() -> products.create(member.organization(), form), p -> "/dashboard#products",
                errors -> Templates.form(form, errors, null, member.organization().gs1CompanyPrefix, null));
    }

    /** A login that interrupted the form's submission comes back here: see {@link Forms#backToForm}. */
    @GET
    public Response createAgain() {
        return Forms.backToForm("/products/new");
    }

    @GET
    @Path("/{id}/edit")
    public TemplateInstance edit(long id) {
        Product product = products.findOwned(member.organization(), id);
        return Templates.form(ProductForm.of(product), FormErrors.none(), product, product.organization.gs1CompanyPrefix,
                DelegationForm.of(product, member.organization(), null, FormErrors.none()));
    }

    @POST
    @Path("/{id}")
    public Response update(long id, @BeanParam ProductForm form) {
        return Forms.submit(() -> products.update(member.organization(), id, form), p -> "/dashboard#products",
                errors -> {
                    Product product = products.findOwned(member.organization(), id);
                    return Templates.form(form, errors, product, member.organization().gs1CompanyPrefix,
                            DelegationForm.of(product, member.organization(), null, FormErrors.none()));
                });
    }

    /** Lets another member record lots of the product (a contract manufacturer, a packer). */
    @POST
    @Path("/{id}/delegations")
    public Response delegate(long id, @RestForm String delegateId) {
        Organization owner = member.organization();
        Product product = products.findOwned(owner, id);
        return Forms.submit(() -> {
            delegations.grant(owner, product.gtin, delegateId);
            return product;
        }, p -> "/products/" + p.id + "/edit#delegations", errors -> Templates.form(ProductForm.of(product),
                FormErrors.none(), product, owner.gs1CompanyPrefix, DelegationForm.of(product, owner, delegateId, errors)));
    }

    @POST
    @Path("/{id}/delegations/{delegation}/revoke")
    public Response revoke(long id, @PathParam("delegation") long delegation) {
        Product product = products.findOwned(member.organization(), id);
        delegations.revoke(member.organization(), delegation);
        return Forms.seeOther("/products/" + product.id + "/edit#delegations");
    }

    /** As {@link #createAgain()}, for the edit form. */
    @GET
    @Path("/{id}")
    public Response updateAgain(long id) {
        return Forms.backToForm("/products/" + id + "/edit");
    }
}
