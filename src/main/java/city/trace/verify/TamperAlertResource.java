package city.trace.verify;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import city.trace.org.CurrentMember;
import city.trace.web.Forms;

/** The consortium admin's handling of tamper alerts (listed on the dashboard). */
@Path("/alerts")
@RolesAllowed(CurrentMember.CONSORTIUM_ADMIN)
public class TamperAlertResource {

    @Inject
    TamperAlerts alerts;

    @POST
    @Path("/{id}/acknowledge")
    public Response acknowledge(long id) {
        alerts.acknowledge(id);
        return Forms.seeOther("/dashboard#alerts");
    }
}
