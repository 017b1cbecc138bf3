package city.trace.audit;

import java.io.IOException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import city.trace.epcis.QueryScope;
import city.trace.org.CurrentMember;
import city.trace.search.SearchForm;
import city.trace.search.SearchService;

/**
 * Audit exports of a search result ({@code /search/export/{format}?…} with the search page's parameters): every
 * event it finds, not only the page shown, in the formats of a trace's export (the report without a graph). Up to
 * {@value #MAX_EVENTS} events; a larger result asks for a narrower search.
 */
@Path("/search/export")
@RolesAllowed({ CurrentMember.REGULATOR, CurrentMember.MANUFACTURER })
public class SearchExportResource {

    static final int MAX_EVENTS = 100_000;

    @Inject
    SearchService search;

    @Inject
    ExportResponses responses;

    @Inject
    CurrentMember member;

    @GET
    @Path("/{format}")
    public Response export(@PathParam("format") String format, @BeanParam SearchForm form,
            @QueryParam("gtin") String gtin, @QueryParam("dateFrom") String dateFrom,
            @QueryParam("dateTo") String dateTo, @QueryParam("lotFrom") String lotFrom,
            @QueryParam("lotTo") String lotTo) throws IOException {
        ExportFormat kind = ExportFormat.of(format);
        FsmaFilter filter = FsmaFilter.of(gtin, dateFrom, dateTo, lotFrom, lotTo);
        SearchService.Matches matches = search.matches(form, QueryScope.of(member), MAX_EVENTS);
        if (matches.eventIds().isEmpty()) {
            throw new NotFoundException("Nothing you may see matches this search");
        }
        return responses.search(kind, matches, form.query(null), filter);
    }
}
