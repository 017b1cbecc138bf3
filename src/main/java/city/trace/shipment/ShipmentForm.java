package city.trace.shipment;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;

import org.jboss.resteasy.reactive.RestForm;

import city.trace.web.FormValues;

/**
 * What the shipment form submits. Each shippable batch is a row with a hidden {@code batchId} and a
 * {@code quantity} input; rows left blank are not shipped.
 */
public class ShipmentForm {

    @RestForm
    @NotBlank(message = "Choose the carrier")
    public String carrierId;

    @RestForm
    @NotBlank(message = "Choose where the shipment leaves from")
    public String originSiteId;

    @RestForm
    @NotBlank(message = "Choose where the shipment goes")
    public String destinationSiteId;

    @RestForm
    public List<String> batchId = new ArrayList<>();

    @RestForm
    public List<String> quantity = new ArrayList<>();

    /** The quantity typed for a batch, for showing the form again. */
    public String quantityFor(Long id) {
        return FormValues.inRow(batchId, quantity, id);
    }
}
