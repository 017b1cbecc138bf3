package city.trace.recall;

import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import city.trace.org.CurrentMember;
import city.trace.org.Organization;
import city.trace.web.Choice;
import city.trace.web.FormErrors;
import city.trace.web.Forms;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;

/** Recalls: declaring one (regulators, or a lot's maker), following it, recording it for one's own lots, closing it. */
@Path("/recalls")
@RolesAllowed({ CurrentMember.REGULATOR, CurrentMember.MANUFACTURER })
public class RecallResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Recall> recalls);

        static native TemplateInstance form(RecallForm form, FormErrors errors, List<Choice> severities);

        /** {@code waiting}: the viewer's own lots not recalled yet; {@code closable}: whether they may close it. */
        static native TemplateInstance recall(Recall recall, List<RecallLot> lots, long waiting, boolean closable,
                FormErrors errors);
    }

    @Inject
    RecallService recalls;

    @Inject
    CurrentMember member;

    @GET
    public TemplateInstance list() {
        return Templates.list(member.isRegulator() ? Recall.listAll()
                : member.getOrganizationIfAny().map(Recall::listConcerning).orElse(List.of()));
    }

    @GET
    @Path("/new")
    public TemplateInstance newRecall(@QueryParam("lot") String lot) {
        RecallForm form = new RecallForm();
        form.lot = lot;
        return form(form, FormErrors.none());
    }

    @POST
    public Response declare(@BeanParam RecallForm form) {
        return Forms.submit(() -> recalls.declare(declarer(), form), recall -> "/recalls/" + recall.id,
                errors -> form(form, errors));
    }

    /** A login that interrupted the form's submission comes back here: see {@link Forms#backToForm}. */
    @GET
    @Path("/declare")
    public Response declareAgain() {
        return Forms.backToForm("/recalls/new");
    }

    @GET
    @Path("/{id}")
    public TemplateInstance recall(long id) {
        return page(recalls.find(id), FormErrors.none());
    }

    @POST
    @Path("/{id}/record")
    @RolesAllowed(CurrentMember.MANUFACTURER)
    public Response recordOwnLots(long id) {
        return Forms.seeOther("/recalls/" + recalls.recordOwnLots(member.organization(), id).id);
    }

    @POST
    @Path("/{id}/close")
    public Response close(long id, @RestForm String note) {
        return Forms.submit(() -> recalls.close(declarer(), id, note), recall -> "/recalls/" + recall.id,
                errors -> page(recalls.find(id), errors));
    }

    /** As {@link #declareAgain()}, for the buttons of a recall's page. */
    @GET
    @Path("/{id}/{step:record|close}")
    public Response stepAgain(long id) {
        return Forms.backToForm("/recalls/" + id);
    }

    private TemplateInstance page(Recall recall, FormErrors errors) {
        List<RecallLot> lots = RecallLot.listOf(recall);
        Organization org = member.getOrganizationIfAny().orElse(null);
        boolean concerned = member.isRegulator() || (org != null && (recall.declaredBy.id.equals(org.id)
                || lots.stream().anyMatch(lot -> lot.owner != null && lot.owner.id.equals(org.id))));
        if (!concerned) {
            throw new ForbiddenException("Recall #" + recall.id + " concerns none of your organisation's lots");
        }
        long waiting = org == null ? 0 : lots.stream()
                .filter(lot -> !lot.isRecorded() && lot.owner != null && lot.owner.id.equals(org.id)).count();
        boolean closable = recall.isOpen() && (member.isRegulator() || (org != null && recall.declaredBy.id.equals(org.id)));
        return Templates.recall(recall, lots, waiting, closable, errors);
    }

    private TemplateInstance form(RecallForm form, FormErrors errors) {
        return Templates.form(form, errors,
                Choice.of(Arrays.asList(Recall.Severity.values()), Recall.Severity::name, severity -> severity.label));
    }

    private RecallService.Declarer declarer() {
        return new RecallService.Declarer(member.organization(), member.getName(), member.isRegulator());
    }
}
