package city.trace.product;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.NotFoundException;

import city.trace.gs1.Gs1Key;
import city.trace.org.Organization;
import city.trace.web.FormErrors;
import io.quarkus.security.ForbiddenException;

@ApplicationScoped
public class ProductService {

    @Inject
    Validator validator;

    @Transactional
    public Product create(Organization owner, ProductForm form) {
        Product product = new Product();
        product.organization = owner;
        apply(product, form);
        product.persist();
        return product;
    }

    @Transactional
    public Product update(Organization owner, long id, ProductForm form) {
        Product product = findOwned(owner, id);
        apply(product, form);
        product.updatedAt = Instant.now();
        return product;
    }

    /** The product, if {@code owner} owns it: only the brand owner edits its master data. */
    public Product findOwned(Organization owner, long id) {
        Product product = Product.<Product>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("There is no product " + id));
        if (!product.belongsTo(owner)) {
            throw new ForbiddenException("Product " + product.gtin + " belongs to another organisation");
        }
        return product;
    }

    private void apply(Product product, ProductForm form) {
        FormErrors errors = FormErrors.of(validator.validate(form));
        String gtin = Gs1Key.GTIN.normalise(form.gtin);
        if (!errors.has("gtin")) {
            // GTIN-14 = indicator digit + company prefix + item reference + check digit
            if (!gtin.substring(1).startsWith(product.organization.gs1CompanyPrefix)) {
                errors.add("gtin", "GTIN must use your GS1 company prefix " + product.organization.gs1CompanyPrefix
                        + " (after the first digit of the 14)");
            }
            Product.findByGtin(gtin).filter(other -> !other.id.equals(product.id)).ifPresent(
                    other -> errors.add("gtin", "GTIN " + gtin + " is already used by " + other.name));
        }
        errors.throwIfAny();
        product.gtin = gtin;
        product.name = form.name.strip();
        product.category = form.category.strip();
        product.description = form.description == null || form.description.isBlank() ? null : form.description.strip();
    }
}
