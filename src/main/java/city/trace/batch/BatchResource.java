package city.trace.batch;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import city.trace.anchor.AnchorStatus;
import city.trace.epcis.EpcisEvent;
import city.trace.org.CurrentMember;
import city.trace.shipment.ShipmentItem;
import city.trace.site.Places;
import city.trace.web.FormErrors;
import city.trace.web.Forms;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

@Path("/batches")
@Authenticated
public class BatchResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(BatchForm form, FormErrors errors, BatchChoices choices);

        static native TemplateInstance detail(Batch batch, List<ShipmentItem> shipments, boolean owned,
                BatchHistory history);

        /** The events table alone, for the page's live refresh while anchors are on their way. */
        static native TemplateInstance detail$events(Batch batch, BatchHistory history);
    }

    /** The events naming a batch's lot, where each took place, and how far each is on its way to the chain. */
    public record BatchHistory(List<EpcisEvent> events, Map<String, String> places,
            Map<Long, AnchorStatus.EventAnchor> anchors) {

        /** Whether the page should keep refreshing: some event is not final on the chain yet. */
        public boolean isLive() {
            return anchors.values().stream().anyMatch(a -> !a.isFinal());
        }
    }

    @Inject
    CurrentMember member;

    @Inject
    BatchService batches;

    @Inject
    AnchorStatus anchors;

    @GET
    @Path("/new")
    @RolesAllowed(CurrentMember.MANUFACTURER)
    public TemplateInstance newBatch() {
        return form(new BatchForm(), FormErrors.none());
    }

    @POST
    @RolesAllowed(CurrentMember.MANUFACTURER)
    public Response create(@BeanParam BatchForm form) {
        return Forms.submit(() -> batches.create(member.organization(), form), b -> "/batches/" + b.id,
                errors -> form(form, errors));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance detail(long id) {
        Batch batch = batches.findVisible(member, id);
        boolean owned = member.getOrganizationIfAny().filter(batch::ownedBy).isPresent();
        return Templates.detail(batch, ShipmentItem.listByBatch(batch), owned, history(batch));
    }

    @GET
    @Path("/{id}/events")
    public TemplateInstance events(long id) {
        Batch batch = batches.findVisible(member, id);
        return Templates.detail$events(batch, history(batch));
    }

    private BatchHistory history(Batch batch) {
        List<EpcisEvent> events = EpcisEvent.listNaming(BatchEvents.lotClass(batch));
        return new BatchHistory(events, Places.named(events.stream().map(e -> e.readPoint).toList()),
                anchors.of(events.stream().map(e -> e.id).toList()));
    }

    private TemplateInstance form(BatchForm form, FormErrors errors) {
        return Templates.form(form, errors, BatchChoices.of(member.organization()));
    }
}
