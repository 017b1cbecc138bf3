package city.trace.batch;

import java.math.BigDecimal;
import java.util.Optional;

import city.trace.web.FormErrors;
import city.trace.web.FormValues;

/** A quantity typed for one batch (to ship or to process): a number, positive, and no more than exists. */
public final class BatchQuantity {

    private BatchQuantity() {
    }

    /** The typed quantity in the batch's unit, or empty with a message for {@code field}. */
    public static Optional<BigDecimal> of(String typed, Batch batch, FormErrors errors, String field) {
        if (!typed.strip().matches(BatchForm.QUANTITY_PATTERN)) {
            errors.add(field, "Enter a positive number with up to 3 decimals");
            return Optional.empty();
        }
        Optional<BigDecimal> quantity = FormValues.positiveDecimal(typed, errors, field);
        if (quantity.filter(q -> q.compareTo(batch.quantity) > 0).isPresent()) {
            errors.add(field, "At most " + batch.quantity.stripTrailingZeros().toPlainString() + " " + batch.unit.symbol
                    + " of this batch exist");
            return Optional.empty();
        }
        return quantity;
    }
}
