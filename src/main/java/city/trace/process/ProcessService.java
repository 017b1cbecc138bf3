package city.trace.process;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import city.trace.batch.Batch;
import city.trace.batch.BatchEvents;
import city.trace.batch.BatchQuantity;
import city.trace.batch.BatchService;
import city.trace.config.EpcisConfig;
import city.trace.epcis.CaptureService;
import city.trace.epcis.EpcisEventBuilder;
import city.trace.org.Organization;
import city.trace.web.FormErrors;
import city.trace.web.InvalidFormException;

/**
 * Turns input batches into a new output batch (milling wheat into flour, baking bread from flour and milk)
 * and records it as one EPCIS TransformationEvent linking the input lots to the output lot.
 */
@ApplicationScoped
public class ProcessService {

    @Inject
    BatchService batches;

    @Inject
    CaptureService captures;

    @Inject
    EpcisConfig epcis;

    @Transactional
    public Batch transform(Organization org, ProcessForm form) {
        FormErrors errors = FormErrors.none();
        Map<Batch, BigDecimal> inputs = inputs(org, form, errors);
        Batch output = null;
        try {
            output = batches.register(org, form);
        } catch (InvalidFormException e) {
            e.errors().all().forEach(errors::add);
        }
        errors.throwIfAny();

        EpcisEventBuilder event = EpcisEventBuilder.transformationEvent(output.createdAt, ZoneId.of(epcis.siteTimeZone()))
                .bizStep("commissioning").disposition("active").readPoint(output.site.gln).bizLocation(output.site.gln);
        inputs.forEach((batch, quantity) -> event.quantity("inputQuantityList", batch.product.gtin, batch.lot, quantity,
                batch.unit.name()));
        event.quantity("outputQuantityList", output.product.gtin, output.lot, output.quantity, output.unit.name());
        captures.record(org, BatchEvents.lotMasterData(event, output).build(), Map.of());
        // a batch used up entirely is gone; part of one stays available
        inputs.forEach((batch, quantity) -> {
            if (quantity.compareTo(batch.quantity) == 0) {
                batch.status = Batch.Status.CONSUMED;
            }
        });
        return output;
    }

    private static Map<Batch, BigDecimal> inputs(Organization org, ProcessForm form, FormErrors errors) {
        Map<Batch, BigDecimal> inputs = new LinkedHashMap<>();
        if (form.inputBatchId.size() != form.inputQuantity.size()) {
            errors.add("inputs", "The list of input batches was incomplete; reload the page and try again");
            return inputs;
        }
        Map<String, Batch> usable = Batch.listUsableBy(org).stream()
                .collect(Collectors.toMap(b -> b.id.toString(), Function.identity()));
        for (int i = 0; i < form.inputBatchId.size(); i++) {
            String typed = form.inputQuantity.get(i);
            if (typed == null || typed.isBlank()) {
                continue;
            }
            String field = "input-" + form.inputBatchId.get(i);
            Batch batch = usable.get(form.inputBatchId.get(i));
            if (batch == null) {
                errors.add(field, "This batch is not available at your sites");
            } else {
                BatchQuantity.of(typed, batch, errors, field).ifPresent(q -> inputs.put(batch, q));
            }
        }
        if (inputs.isEmpty() && errors.all().keySet().stream().noneMatch(k -> k.startsWith("input-"))) {
            errors.add("inputs", "Enter the quantity used of at least one input batch");
        }
        return inputs;
    }
}
