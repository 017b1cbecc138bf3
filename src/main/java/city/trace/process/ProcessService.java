package city.trace.process;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import city.trace.batch.Batch;
import city.trace.batch.BatchEvents;
import city.trace.batch.BatchQuantity;
import city.trace.batch.BatchService;
import city.trace.batch.HeldLot;
import city.trace.epcis.EpcisConfig;
import city.trace.epcis.CaptureService;
import city.trace.epcis.LateRecording;
import city.trace.epcis.EpcisEventBuilder;
import city.trace.org.Organization;
import city.trace.site.Site;
import city.trace.web.FormErrors;
import city.trace.web.FormValues;
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
        return transform(org, form, Instant.now());
    }

    /** As {@link #transform(Organization, ProcessForm)}, for processing done at {@code at}, recorded after the fact. */
    @Transactional
    public Batch transform(Organization org, ProcessForm form, Instant at) {
        FormErrors errors = FormErrors.none();
        Map<Batch, BigDecimal> inputs = inputs(org, form, errors);
        Batch output = null;
        try {
            output = batches.register(org, form);
        } catch (InvalidFormException e) {
            e.errors().all().forEach(errors::add);
        }
        errors.throwIfAny();
        output.createdAt = LateRecording.check(at, "productionDate", "processing step");

        EpcisEventBuilder event = EpcisEventBuilder.transformationEvent(output.createdAt, ZoneId.of(epcis.siteTimeZone()))
                .bizStep("commissioning").disposition("active").readPoint(output.site.gln).bizLocation(output.site.gln);
        inputs.forEach((batch, quantity) -> event.quantity("inputQuantityList", batch.product.gtin, batch.lot, quantity,
                batch.unit.name()));
        event.quantity("outputQuantityList", output.product.gtin, output.lot, output.quantity, output.unit.name());
        captures.record(org, BatchEvents.lotMasterData(event, output).build(), Map.of());
        return output;
    }

    /** The input batches and quantities used: only what the output's site holds of them. */
    private static Map<Batch, BigDecimal> inputs(Organization org, ProcessForm form, FormErrors errors) {
        Map<Batch, BigDecimal> inputs = new LinkedHashMap<>();
        if (form.inputBatchId.size() != form.inputQuantity.size()) {
            errors.add("inputs", "The list of input batches was incomplete; reload the page and try again");
            return inputs;
        }
        Optional<Site> site = FormValues.id(form.siteId).flatMap(id -> Site.<Site>findByIdOptional(id))
                .filter(s -> s.belongsTo(org));
        Map<String, HeldLot> held = HeldLot.heldBy(org).stream()
                .collect(Collectors.toMap(lot -> lot.batch().id.toString(), Function.identity()));
        for (int i = 0; i < form.inputBatchId.size(); i++) {
            String typed = form.inputQuantity.get(i);
            if (typed == null || typed.isBlank()) {
                continue;
            }
            String field = "input-" + form.inputBatchId.get(i);
            HeldLot lot = held.get(form.inputBatchId.get(i));
            if (lot == null) {
                errors.add(field, "This batch is not at your sites");
            } else if (site.isPresent()) { // without a site the form says where the output is made first
                BatchQuantity.of(typed, lot, site.get(), errors, field).ifPresent(q -> inputs.put(lot.batch(), q));
            }
        }
        if (inputs.isEmpty() && errors.all().keySet().stream().noneMatch(k -> k.startsWith("input-")) && site.isPresent()) {
            errors.add("inputs", "Enter the quantity used of at least one input batch");
        }
        return inputs;
    }
}
