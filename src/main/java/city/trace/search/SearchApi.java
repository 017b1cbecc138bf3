package city.trace.search;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import city.trace.access.AccessAction;
import city.trace.access.AccessLog;
import city.trace.epcis.QueryScope;
import city.trace.org.CurrentMember;

/** The search as JSON, for programs of signed-in members: the same parameters and rows as the page. */
@Path("/api/search")
@RolesAllowed({ CurrentMember.REGULATOR, CurrentMember.MANUFACTURER })
@Produces(MediaType.APPLICATION_JSON)
public class SearchApi {

    @Inject
    SearchService search;

    @Inject
    CurrentMember member;

    @Inject
    AccessLog accessLog;

    @GET
    @Operation(summary = "Search events or lots by product, lot, organisation, site, city, time range, business step, "
            + "disposition and recall state, within what the caller may see; page on with ?after={next}")
    public SearchResults search(@BeanParam SearchForm form) {
        SearchResults results = search.search(form, QueryScope.of(member));
        accessLog.record(AccessAction.SEARCH, results.size(), results.organizations());
        return results;
    }

    /** The JSON of the search a page shows (its first page). */
    static String url(SearchForm form) {
        String query = form.query(null);
        return "/api/search" + (query.isEmpty() ? "" : "?" + query);
    }
}
