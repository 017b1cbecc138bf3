package city.trace.product;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jboss.resteasy.reactive.RestForm;

import city.trace.gs1.Gs1Key;
import city.trace.gs1.ValidKey;

/** What the product form submits, as typed (so an invalid value can be shown again for correction). */
public class ProductForm {

    @RestForm
    @NotBlank(message = "Enter the product's GTIN")
    @ValidKey(Gs1Key.GTIN)
    public String gtin;

    @RestForm
    @NotBlank(message = "Enter a name")
    @Size(max = 200, message = "Keep the name under 200 characters")
    public String name;

    @RestForm
    @NotBlank(message = "Enter a category, e.g. Grain or Bakery")
    @Size(max = 100, message = "Keep the category under 100 characters")
    public String category;

    @RestForm
    @Size(max = 2000, message = "Keep the description under 2000 characters")
    public String description;

    public static ProductForm of(Product product) {
        ProductForm form = new ProductForm();
        form.gtin = product.gtin;
        form.name = product.name;
        form.category = product.category;
        form.description = product.description;
        return form;
    }
}
