package city.trace.shipment;

import java.time.ZoneId;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import city.trace.batch.HeldLot;
import city.trace.org.CurrentMember;
import city.trace.org.Organization;
import city.trace.site.Site;
import city.trace.web.Choice;
import city.trace.web.FormErrors;
import city.trace.web.Forms;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

@Path("/shipments")
@Authenticated
public class ShipmentResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(ShipmentForm form, FormErrors errors, List<Choice> carriers,
                List<Choice> origins, List<Choice> destinations, List<HeldLot> batches);

        /** {@code siteZone}: where the departure and arrival events took their offset from */
        static native TemplateInstance detail(Shipment shipment, boolean canDepart, boolean canArrive, boolean carrier,
                ZoneId siteZone);
    }

    @Inject
    CurrentMember member;

    @Inject
    ShipmentService shipments;

    @GET
    @Path("/new")
    @RolesAllowed(CurrentMember.MANUFACTURER)
    public TemplateInstance newShipment() {
        return form(new ShipmentForm(), FormErrors.none());
    }

    @POST
    @RolesAllowed(CurrentMember.MANUFACTURER)
    public Response create(@BeanParam ShipmentForm form) {
        return Forms.submit(() -> shipments.create(member.organization(), form), s -> "/shipments/" + s.id,
                errors -> form(form, errors));
    }

    /** A login that interrupted the form's submission comes back here: see {@link Forms#backToForm}. */
    @GET
    @RolesAllowed(CurrentMember.MANUFACTURER)
    public Response createAgain() {
        return Forms.backToForm("/shipments/new");
    }

    @GET
    @Path("/{id}")
    public TemplateInstance detail(long id) {
        Shipment shipment = shipments.findVisible(member, id);
        var org = member.getOrganizationIfAny();
        return Templates.detail(shipment, org.filter(shipment::canDepart).isPresent(),
                org.filter(shipment::canArrive).isPresent(), org.filter(o -> o.id.equals(shipment.carrier.id)).isPresent(),
                shipments.siteZone());
    }

    @POST
    @Path("/{id}/depart")
    @RolesAllowed(CurrentMember.MANUFACTURER)
    public Response depart(long id, @RestForm String vehicle) {
        return Forms.seeOther("/shipments/" + shipments.depart(member.organization(), id, vehicle).id);
    }

    @POST
    @Path("/{id}/arrive")
    @RolesAllowed(CurrentMember.MANUFACTURER)
    public Response arrive(long id) {
        return Forms.seeOther("/shipments/" + shipments.arrive(member.organization(), id).id);
    }

    /** As {@link #createAgain()}, for the departure and arrival buttons. */
    @GET
    @Path("/{id}/{step:depart|arrive}")
    public Response stepAgain(long id) {
        return Forms.backToForm("/shipments/" + id);
    }

    private TemplateInstance form(ShipmentForm form, FormErrors errors) {
        Organization org = member.organization();
        return Templates.form(form, errors,
                Choice.of(Organization.listByKind(Organization.Kind.CARRIER), c -> c.id, c -> c.name),
                Choice.of(Site.listByOrganization(org), s -> s.id, s -> s.name + ", " + s.city),
                Choice.of(Site.listAllWithOrganization(), s -> s.id, s -> s.organization.name + " — " + s.name + ", " + s.city),
                HeldLot.heldBy(org));
    }
}
