package city.trace.access;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import city.trace.org.CurrentMember;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The access log page: the consortium admin reads every entry; a member reads what its organisation searched,
 * traced and exported, and who looked at its records. Each entry shows what the verifier found of it.
 */
@Path("/access-log")
@RolesAllowed({ CurrentMember.CONSORTIUM_ADMIN, CurrentMember.REGULATOR, CurrentMember.MANUFACTURER })
public class AccessLogResource {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        /** {@code next} is the URL of the older entries, or null. */
        static native TemplateInstance log(List<AccessLog.Shown> entries, Long organizationId, String next);
    }

    @Inject
    AccessLog log;

    @GET
    public TemplateInstance page(@QueryParam("before") Long before) {
        AccessLog.Page page = log.page(before, PAGE_SIZE);
        List<AccessLog.Shown> entries = page.entries();
        String next = entries.size() < PAGE_SIZE ? null : "/access-log?before=" + entries.getLast().entry().id;
        return Templates.log(entries, page.organizationId(), next);
    }
}
