package city.trace.device;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import city.trace.org.CurrentMember;
import city.trace.site.Site;
import city.trace.web.Choice;
import city.trace.web.FormErrors;
import city.trace.web.Forms;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The device pages: a manufacturer's devices and their registration; the consortium admin sees every device. */
@Path("/devices")
@RolesAllowed({ CurrentMember.MANUFACTURER, CurrentMember.REGULATOR, CurrentMember.CONSORTIUM_ADMIN })
public class DeviceResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Device> devices, boolean all);

        static native TemplateInstance form(DeviceForm form, FormErrors errors, List<Choice> sites, List<String> vehicles);

        static native TemplateInstance detail(Device device, boolean own, List<SignedBatch> recent);
    }

    @Inject
    CurrentMember member;

    @Inject
    DeviceRegistry registry;

    @GET
    public TemplateInstance list() {
        return Templates.list(registry.visibleTo(member), member.isConsortiumAdmin() || member.isRegulator());
    }

    @GET
    @Path("/new")
    @RolesAllowed(CurrentMember.MANUFACTURER)
    public TemplateInstance newDevice() {
        return form(new DeviceForm(), FormErrors.none());
    }

    @POST
    @RolesAllowed(CurrentMember.MANUFACTURER)
    public Response register(@BeanParam DeviceForm form) {
        return Forms.submit(() -> registry.register(member.organization(), member.getName(), form),
                device -> "/devices/" + device.id, errors -> form(form, errors));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance detail(long id) {
        Device device = registry.findVisible(member, id);
        boolean own = member.getOrganizationIfAny().filter(org -> org.id.equals(device.organization.id)).isPresent();
        return Templates.detail(device, own && member.isManufacturer(), SignedBatch.listRecent(device, 20));
    }

    @POST
    @Path("/{id}/suspend")
    @RolesAllowed(CurrentMember.MANUFACTURER)
    public Response suspend(long id) {
        return Forms.seeOther("/devices/" + registry.suspend(member.organization(), id).id);
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed(CurrentMember.MANUFACTURER)
    public Response resume(long id) {
        return Forms.seeOther("/devices/" + registry.resume(member.organization(), id).id);
    }

    @POST
    @Path("/{id}/retire")
    @RolesAllowed(CurrentMember.MANUFACTURER)
    public Response retire(long id) {
        return Forms.seeOther("/devices/" + registry.retire(member.organization(), id).id);
    }

    /** A login that interrupted a state button's submission comes back here: see {@link Forms#backToForm}. */
    @GET
    @Path("/{id}/{step:suspend|resume|retire}")
    public Response stepAgain(long id) {
        return Forms.backToForm("/devices/" + id);
    }

    private TemplateInstance form(DeviceForm form, FormErrors errors) {
        var org = member.organization();
        return Templates.form(form, errors, Choice.of(Site.listByOrganization(org), s -> s.gln, s -> s.name + ", " + s.city),
                Device.vehiclesOf(org));
    }
}
