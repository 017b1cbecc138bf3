package city.trace.batch;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import city.trace.anchor.Anchoring;
import city.trace.anchor.Anchorings;
import city.trace.custody.ClaimChecks;
import city.trace.custody.Violation;
import city.trace.custody.Whereabouts;
import city.trace.epcis.EpcisEvent;
import city.trace.org.CurrentMember;
import city.trace.site.Places;
import city.trace.web.FormErrors;
import city.trace.label.PublicLinks;
import city.trace.label.Label;
import city.trace.label.LabelSheet;
import city.trace.label.QrCodes;
import city.trace.web.Downloads;
import city.trace.web.Forms;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

@Path("/batches")
@Authenticated
public class BatchResource {

    private static final String DEFAULT_LABELS = "24";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(BatchForm form, FormErrors errors, BatchChoices choices);

        static native TemplateInstance detail(Batch batch, Whereabouts whereabouts, BatchLineage lineage,
                List<LotShipments.Shipped> shipments, boolean owned, BatchHistory history, String digitalLink, LabelOrder labels);

        /** The events table alone, for the page's live refresh while anchors are on their way. */
        static native TemplateInstance detail$events(Batch batch, BatchHistory history);
    }

    /**
     * The events naming a batch's lot, where each took place, how far each is on its way to the chain, and the
     * rules any of them breaks (a third-party claim: its recorder was not entitled to make it).
     */
    public record BatchHistory(List<EpcisEvent> events, Map<String, String> places,
            Map<Long, Anchoring> anchors, Map<Long, List<Violation>> violations) {

        /** The events whose recorders were entitled to record them: the lot's own history. */
        public List<EpcisEvent> vouched() {
            return events.stream().filter(e -> violations.getOrDefault(e.id, List.of()).isEmpty()).toList();
        }

        /** Whether the page should keep refreshing: some event is not final on the chain yet. */
        public boolean isLive() {
            return anchors.values().stream().anyMatch(a -> !a.isFinal());
        }
    }

    /** The label sheet form: how many labels, and what was wrong with it. */
    public record LabelOrder(String count, FormErrors errors) {
        public int max() {
            return LabelSheet.MAX_LABELS;
        }
    }

    @Inject
    CurrentMember member;

    @Inject
    BatchService batches;

    @Inject
    Anchorings anchorings;

    @Inject
    LotShipments shipments;

    @Inject
    PublicLinks links;

    @Inject
    ClaimChecks claims;

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

    /** A login that interrupted the form's submission comes back here: see {@link Forms#backToForm}. */
    @GET
    @RolesAllowed(CurrentMember.MANUFACTURER)
    public Response createAgain() {
        return Forms.backToForm("/batches/new");
    }

    @GET
    @Path("/{id}")
    public TemplateInstance detail(long id) {
        return detail(batches.findVisible(member, id), new LabelOrder(DEFAULT_LABELS, FormErrors.none()));
    }

    @GET
    @Path("/{id}/qr.png")
    @Produces("image/png")
    public Response qrPng(long id) {
        Batch batch = batches.findVisible(member, id);
        return Downloads.inline(QrCodes.png(links.of(batch.digitalLink())), "image/png", fileName(batch, "qr.png"));
    }

    @GET
    @Path("/{id}/qr.svg")
    @Produces("image/svg+xml")
    public Response qrSvg(long id) {
        Batch batch = batches.findVisible(member, id);
        return Downloads.inline(QrCodes.svg(links.of(batch.digitalLink())), "image/svg+xml", fileName(batch, "qr.svg"));
    }

    /** A PDF sheet of {@code count} labels; a count that is no number from 1 to the maximum reshows the page. */
    @GET
    @Path("/{id}/labels.pdf")
    public Response labels(long id, @QueryParam("count") String count) {
        Batch batch = batches.findVisible(member, id);
        Integer labels = labelCount(count);
        if (labels == null) {
            String message = "Enter a number of labels from 1 to " + LabelSheet.MAX_LABELS;
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(detail(batch, new LabelOrder(count, FormErrors.none().add("count", message)))).build();
        }
        Label label = new Label(batch.product.name, batch.product.gtin, batch.lot, links.of(batch.digitalLink()));
        return Downloads.attachment(LabelSheet.pdf(label, labels), "application/pdf", fileName(batch, "labels.pdf"));
    }

    @GET
    @Path("/{id}/events")
    public TemplateInstance events(long id) {
        Batch batch = batches.findVisible(member, id);
        return Templates.detail$events(batch, history(batch));
    }

    private TemplateInstance detail(Batch batch, LabelOrder labels) {
        boolean owned = member.getOrganizationIfAny().filter(batch::ownedBy).isPresent();
        BatchHistory history = history(batch);
        BatchLineage lineage = BatchLineage.of(batch, history.vouched(), b -> batches.isVisible(member, b));
        return Templates.detail(batch, Whereabouts.of(batch.lotLink(), batch.owner()), lineage,
                shipments.of(batch), owned, history, links.of(batch.digitalLink()), labels);
    }

    private static Integer labelCount(String count) {
        try {
            int labels = Integer.parseInt(count == null ? "" : count.strip());
            return labels >= 1 && labels <= LabelSheet.MAX_LABELS ? labels : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** 08712347000026-B20261120-qr.png */
    private static String fileName(Batch batch, String suffix) {
        return Downloads.fileName(batch.product.gtin, batch.lot, suffix);
    }

    private BatchHistory history(Batch batch) {
        List<EpcisEvent> events = EpcisEvent.listNaming(batch.lotLink());
        return new BatchHistory(events, Places.named(events.stream().map(e -> e.readPoint).toList()),
                anchorings.of(events.stream().map(e -> e.id).toList()), claims.check(events));
    }

    private TemplateInstance form(BatchForm form, FormErrors errors) {
        return Templates.form(form, errors, BatchChoices.of(member.organization()));
    }
}
