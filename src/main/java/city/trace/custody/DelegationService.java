package city.trace.custody;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import city.trace.epcis.EpcisConfig;
import city.trace.epcis.CaptureService;
import city.trace.epcis.EpcisEventBuilder;
import city.trace.gs1.DigitalLink;
import city.trace.org.Organization;
import city.trace.web.FormValues;
import city.trace.web.InvalidFormException;

/**
 * An owner lets another member record lots of one of its products, or stops it: each change is an event the
 * owner records (see {@link DelegationClaim}), anchored like every event; the delegation table follows from it.
 */
@ApplicationScoped
public class DelegationService {

    @Inject
    CaptureService captures;

    @Inject
    EpcisConfig epcis;

    /** {@code owner} lets the member {@code delegateId} record lots of its product {@code gtin}. */
    @Transactional
    public void grant(Organization owner, String gtin, String delegateId) {
        Optional<Organization> delegate = FormValues.id(delegateId).flatMap(id -> Organization.<Organization>findByIdOptional(id))
                .filter(org -> !org.id.equals(owner.id));
        if (delegate.isEmpty()) {
            throw new InvalidFormException("delegateId", "Choose another member of the consortium");
        }
        String product = DigitalLink.product(gtin).toUri();
        if (Delegation.findOpen(product, delegate.get().id).isPresent()) {
            throw new InvalidFormException("delegateId", delegate.get().name + " may already record lots of this product");
        }
        record(owner, new DelegationClaim(product, delegate.get().gs1CompanyPrefix, true), gtin);
    }

    /** {@code owner} withdraws a delegation of one of its products. */
    @Transactional
    public Delegation revoke(Organization owner, long delegationId) {
        Delegation delegation = Delegation.<Delegation>findByIdOptional(delegationId)
                .filter(d -> d.owner.id.equals(owner.id) && d.revokedEventId == null)
                .orElseThrow(() -> new NotFoundException("No delegation " + delegationId + " of yours is in force"));
        String gtin = delegation.productClass.substring(delegation.productClass.lastIndexOf('/') + 1);
        record(owner, new DelegationClaim(delegation.productClass, delegation.delegate.gs1CompanyPrefix, false), gtin);
        return delegation;
    }

    private void record(Organization owner, DelegationClaim claim, String gtin) {
        var event = EpcisEventBuilder.objectEvent("OBSERVE", Instant.now(), ZoneId.of(epcis.siteTimeZone())).product(gtin)
                .build();
        captures.record(owner, claim.addTo(event), Map.of(DelegationClaim.PREFIX, DelegationClaim.NAMESPACE));
    }
}
