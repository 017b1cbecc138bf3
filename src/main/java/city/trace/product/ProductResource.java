package city.trace.product;

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

@Path("/products")
@RolesAllowed(CurrentMember.MANUFACTURER)
public class ProductResource {

    @CheckedTemplate
    static class Templates {
        /** {@code product} is null for a new product. */
        static native TemplateInstance form(ProductForm form, FormErrors errors, Product product, String prefix);
    }

    @Inject
    CurrentMember member;

    @Inject
    ProductService products;

    @GET
    @Path("/new")
    public TemplateInstance newProduct() {
        return Templates.form(new ProductForm(), FormErrors.none(), null, member.organization().gs1CompanyPrefix);
    }

    @POST
    public Response create(@BeanParam ProductForm form) {
        return Forms.submit(() -> products.create(member.organization(), form), p -> "/dashboard#products",
                errors -> Templates.form(form, errors, null, member.organization().gs1CompanyPrefix));
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
        return Templates.form(ProductForm.of(product), FormErrors.none(), product, product.organization.gs1CompanyPrefix);
    }

    @POST
    @Path("/{id}")
    public Response update(long id, @BeanParam ProductForm form) {
        return Forms.submit(() -> products.update(member.organization(), id, form), p -> "/dashboard#products",
                errors -> Templates.form(form, errors, products.findOwned(member.organization(), id),
                        member.organization().gs1CompanyPrefix));
    }

    /** As {@link #createAgain()}, for the edit form. */
    @GET
    @Path("/{id}")
    public Response updateAgain(long id) {
        return Forms.backToForm("/products/" + id + "/edit");
    }
}
