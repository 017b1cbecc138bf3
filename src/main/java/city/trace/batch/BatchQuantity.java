package city.trace.batch;

import java.math.BigDecimal;
import java.util.Optional;

import city.trace.site.Site;
import city.trace.web.FormErrors;
import city.trace.web.FormValues;

/** A quantity typed for one held batch (to ship or to process): a number, positive, and no more than the site holds. */
public final class BatchQuantity {

    private BatchQuantity() {
    }

    /** The typed quantity in the batch's unit, or empty with a message for {@code field}. */
    public static Optional<BigDecimal> of(String typed, HeldLot held, Site site, FormErrors errors, String field) {
        if (!typed.strip().matches(BatchForm.QUANTITY_PATTERN)) {
            errors.add(field, "Enter a positive number with up to 3 decimals");
            return Optional.empty();
        }
        Optional<BigDecimal> quantity = FormValues.positiveDecimal(typed, errors, field);
        BigDecimal there = held.at(site);
        if (quantity.filter(q -> q.compareTo(there) > 0).isPresent()) {
            Batch batch = held.batch();
            errors.add(field, (there.signum() == 0 ? "None" : "Only " + there.stripTrailingZeros().toPlainString() + " "
                    + batch.unit.symbol) + " of lot " + batch.lot + " is at " + site.name);
            return Optional.empty();
        }
        return quantity;
    }
}
