package city.trace.batch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.NotFoundException;

import city.trace.epcis.EpcisConfig;
import city.trace.epcis.CaptureService;
import city.trace.epcis.LateRecording;
import city.trace.org.CurrentMember;
import city.trace.org.Organization;
import city.trace.product.Product;
import city.trace.site.Site;
import city.trace.web.FormErrors;
import city.trace.web.FormValues;
import io.quarkus.security.ForbiddenException;

@ApplicationScoped
public class BatchService {

    @Inject
    Validator validator;

    @Inject
    CaptureService captures;

    @Inject
    EpcisConfig epcis;

    @Inject
    LotShipments shipments;

    /**
     * Records a new batch of one of {@code owner}'s products, made at one of its sites, and its
     * commissioning event.
     */
    @Transactional
    public Batch create(Organization owner, BatchForm form) {
        return create(owner, form, Instant.now());
    }

    /** As {@link #create(Organization, BatchForm)}, for a batch made at {@code at}, recorded after the fact. */
    @Transactional
    public Batch create(Organization owner, BatchForm form, Instant at) {
        Batch batch = register(owner, form);
        batch.createdAt = LateRecording.check(at, "productionDate", "batch");
        captures.record(owner, BatchEvents.commissioned(batch, batch.createdAt, ZoneId.of(epcis.siteTimeZone())),
                Map.of());
        return batch;
    }

    /** Records a new batch without an event of its own (a transformation's output has its own event). */
    @Transactional
    public Batch register(Organization owner, BatchForm form) {
        FormErrors errors = FormErrors.of(validator.validate(form));
        Optional<Product> product = FormValues.entity(form.productId, id -> Product.<Product>findByIdOptional(id), errors,
                "productId", "Choose one of your products");
        product.filter(p -> !p.belongsTo(owner)).ifPresent(p -> errors.add("productId", "Choose one of your products"));
        Optional<Site> site = FormValues.entity(form.siteId, id -> Site.<Site>findByIdOptional(id), errors, "siteId",
                "Choose one of your sites");
        site.filter(s -> !s.belongsTo(owner)).ifPresent(s -> errors.add("siteId", "Choose one of your sites"));
        Optional<LocalDate> produced = FormValues.date(form.productionDate, errors, "productionDate");
        produced.filter(d -> d.isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1)))
                .ifPresent(d -> errors.add("productionDate", "The production date cannot be in the future"));
        Optional<LocalDate> bestBefore = FormValues.date(form.bestBefore, errors, "bestBefore");
        if (produced.isPresent() && bestBefore.filter(b -> b.isBefore(produced.get())).isPresent()) {
            errors.add("bestBefore", "Best before cannot be earlier than the production date");
        }
        Optional<BigDecimal> quantity = FormValues.positiveDecimal(form.quantity, errors, "quantity");
        Optional<Unit> unit = FormValues.choice(form.unit, Unit.class, errors, "unit", "Choose one of the units");
        if (product.isPresent() && !errors.has("lot") && !errors.has("productId")
                && Batch.findByProductAndLot(product.get(), form.lot.strip()).isPresent()) {
            errors.add("lot", "Lot " + form.lot.strip() + " of " + product.get().name + " already exists");
        }
        errors.throwIfAny();

        Batch batch = new Batch();
        batch.product = product.orElseThrow();
        batch.lot = form.lot.strip();
        batch.site = site.orElseThrow();
        batch.productionDate = produced.orElseThrow();
        batch.bestBefore = bestBefore.orElse(null);
        batch.quantity = quantity.orElseThrow();
        batch.unit = unit.orElseThrow();
        batch.persist();
        return batch;
    }

    /**
     * The batch, if {@code member} may see it: its maker, the organisations its shipments involve, and
     * regulators.
     */
    public Batch findVisible(CurrentMember member, long id) {
        Batch batch = Batch.<Batch>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("There is no batch " + id));
        if (!member.isRegulator()) {
            member.organization(); // an account without an organisation sees no batch (and is told why)
        }
        if (!isVisible(member, batch)) {
            throw new ForbiddenException("Batch " + batch.lot + " belongs to another organisation");
        }
        return batch;
    }

    /** Whether {@code member} may see the batch: its maker, the organisations its shipments involve, regulators. */
    public boolean isVisible(CurrentMember member, Batch batch) {
        if (member.isRegulator()) {
            return true;
        }
        Optional<Organization> org = member.getOrganizationIfAny();
        return org.isPresent() && (batch.ownedBy(org.get())
                || shipments.involve(batch, org.get()));
    }
}
