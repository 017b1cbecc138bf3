package city.trace.consortium;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import city.trace.org.CurrentMember;
import city.trace.org.Organization;
import city.trace.web.Choice;
import city.trace.web.FormErrors;
import city.trace.web.Forms;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The consortium page: members, threshold and proposals as the registry holds them, and the forms that propose
 * and approve (each a transaction signed with the key of the member's organisation on this node).
 */
@Path("/consortium")
@RolesAllowed({ CurrentMember.MANUFACTURER, CurrentMember.REGULATOR, CurrentMember.CONSORTIUM_ADMIN })
public class ConsortiumResource {

    private static final String PAGE = "/consortium";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance consortium(Consortium.Overview overview, AdmissionForm admission,
                FormErrors errors, List<Choice> kinds, List<Choice> members);
    }

    @Inject
    CurrentMember member;

    @Inject
    Consortium consortium;

    @GET
    public TemplateInstance page() {
        return page(new AdmissionForm(), FormErrors.none());
    }

    @POST
    @Path("/admissions")
    public Response proposeAdmission(@BeanParam AdmissionForm form) {
        return Forms.submit(() -> consortium.proposeAdmission(member, form), ConsortiumResource::proposal,
                errors -> page(form, errors));
    }

    @POST
    @Path("/removals")
    public Response proposeRemoval(@RestForm String account) {
        return Forms.submit(() -> consortium.proposeRemoval(member, account), ConsortiumResource::proposal,
                errors -> page(new AdmissionForm(), errors));
    }

    @POST
    @Path("/thresholds")
    public Response proposeThreshold(@RestForm String threshold) {
        return Forms.submit(() -> consortium.proposeThreshold(member, threshold), ConsortiumResource::proposal,
                errors -> page(new AdmissionForm(), errors));
    }

    /** Approves the proposal ({@code vote}) or carries out one that has the approvals already ({@code execute}). */
    @POST
    @Path("/proposals/{id}/{step:vote|execute}")
    public Response decide(long id, String step) {
        return Forms.submit(() -> {
            if (step.equals("vote")) {
                consortium.vote(member, id);
            } else {
                consortium.execute(member, id);
            }
            return id;
        }, ConsortiumResource::proposal, errors -> page(new AdmissionForm(), errors));
    }

    /** A login that interrupted a form's submission comes back here: see {@link Forms#backToForm}. */
    @GET
    @Path("/{form:admissions|removals|thresholds}")
    public Response formAgain() {
        return Forms.backToForm(PAGE);
    }

    /** Likewise for a proposal's buttons. */
    @GET
    @Path("/proposals/{id}/{step:vote|execute}")
    public Response stepAgain(long id) {
        return Forms.backToForm(PAGE);
    }

    private TemplateInstance page(AdmissionForm admission, FormErrors errors) {
        Consortium.Overview overview = consortium.overview(member);
        return Templates.consortium(overview, admission, errors,
                Choice.of(List.of(Organization.Kind.values()), Organization.Kind::name, kind -> kind.label),
                Choice.of(overview.members(), Consortium.MemberView::account, m -> m.name() + " (" + m.account() + ")"));
    }

    /** The page at the proposal's row. */
    private static String proposal(long id) {
        return PAGE + "#" + Consortium.proposalField(id);
    }
}
