package city.trace.process;

import java.util.ArrayList;
import java.util.List;

import org.jboss.resteasy.reactive.RestForm;

import city.trace.batch.BatchForm;
import city.trace.web.FormValues;

/**
 * A processing step: quantities of input batches (rows of a hidden {@code inputBatchId} and an
 * {@code inputQuantity}; blank rows are not used) and the output batch (the batch form's fields).
 */
public class ProcessForm extends BatchForm {

    @RestForm
    public List<String> inputBatchId = new ArrayList<>();

    @RestForm
    public List<String> inputQuantity = new ArrayList<>();

    /** The quantity typed for an input batch, for showing the form again. */
    public String inputQuantityFor(Long id) {
        return FormValues.inRow(inputBatchId, inputQuantity, id);
    }
}
