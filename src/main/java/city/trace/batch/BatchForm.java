package city.trace.batch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.jboss.resteasy.reactive.RestForm;

/** What the batch form submits, as typed. */
public class BatchForm {

    /** Quantities up to 11 integer digits and 3 decimals, as the database column holds them. */
    public static final String QUANTITY_PATTERN = "^\\d{1,11}([.,]\\d{1,3})?$";

    @RestForm
    @NotBlank(message = "Choose a product")
    public String productId;

    @RestForm
    @NotBlank(message = "Enter the lot number")
    @Pattern(regexp = "^[!\"%&'()*+,./0-9:;<=>?A-Z_a-z-]{1,20}$",
            message = "A lot number has at most 20 letters, digits or GS1 punctuation (no spaces)")
    public String lot;

    @RestForm
    @NotBlank(message = "Choose the site that produced the batch")
    public String siteId;

    @RestForm
    @NotBlank(message = "Enter the production date")
    public String productionDate;

    @RestForm
    public String bestBefore;

    @RestForm
    @NotBlank(message = "Enter the quantity")
    @Pattern(regexp = QUANTITY_PATTERN, message = "Enter a positive number with up to 3 decimals, e.g. 1250 or 12.5")
    public String quantity;

    @RestForm
    @NotBlank(message = "Choose a unit")
    public String unit;
}
