package city.trace.search;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import city.trace.access.AccessAction;
import city.trace.access.AccessLog;
import city.trace.epcis.QueryScope;
import city.trace.org.CurrentMember;
import city.trace.web.FormErrors;
import city.trace.web.InvalidFormException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The search page: events and lots by product, lot, organisation, site, city, time, business step, disposition
 * and recall state; a GET form, so every search and each of its pages is a URL. Regulators search the whole
 * consortium, manufacturers what they may query.
 */
@Path("/search")
@RolesAllowed({ CurrentMember.REGULATOR, CurrentMember.MANUFACTURER })
public class SearchResource {

    @CheckedTemplate
    static class Templates {
        /** {@code results} is null when the form has errors; {@code next} the next page's URL or null. */
        static native TemplateInstance search(SearchForm form, FormErrors errors, SearchService.Choices choices,
                SearchResults results, String next, String api);
    }

    @Inject
    SearchService search;

    @Inject
    CurrentMember member;

    @Inject
    AccessLog accessLog;

    @GET
    public Response page(@BeanParam SearchForm form) {
        SearchService.Choices choices = search.choices();
        try {
            SearchResults results = search.search(form, QueryScope.of(member));
            accessLog.record(AccessAction.SEARCH, results.size(), results.organizations());
            String next = results.next() == null ? null : "/search?" + form.query(results.next());
            return Response.ok(Templates.search(form, FormErrors.none(), choices, results, next,
                    SearchApi.url(form))).build();
        } catch (InvalidFormException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.search(form, e.errors(), choices, null, null, null)).build();
        }
    }
}
