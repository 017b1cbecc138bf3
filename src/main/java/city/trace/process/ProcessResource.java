package city.trace.process;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import city.trace.batch.BatchChoices;
import city.trace.batch.HeldLot;
import city.trace.org.CurrentMember;
import city.trace.org.Organization;
import city.trace.web.FormErrors;
import city.trace.web.Forms;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The processing page: input batches in, a new batch out (an EPCIS TransformationEvent). */
@Path("/process")
@RolesAllowed(CurrentMember.MANUFACTURER)
public class ProcessResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(ProcessForm form, FormErrors errors, List<HeldLot> inputs,
                BatchChoices choices);
    }

    @Inject
    CurrentMember member;

    @Inject
    ProcessService processes;

    @GET
    @Path("/new")
    public TemplateInstance newProcess() {
        return form(new ProcessForm(), FormErrors.none());
    }

    @POST
    public Response process(@BeanParam ProcessForm form) {
        return Forms.submit(() -> processes.transform(member.organization(), form), b -> "/batches/" + b.id,
                errors -> form(form, errors));
    }

    /** A login that interrupted the form's submission comes back here: see {@link Forms#backToForm}. */
    @GET
    public Response processAgain() {
        return Forms.backToForm("/process/new");
    }

    private TemplateInstance form(ProcessForm form, FormErrors errors) {
        Organization org = member.organization();
        return Templates.form(form, errors, HeldLot.heldBy(org), BatchChoices.of(org));
    }
}
