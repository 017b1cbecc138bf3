package city.trace.audit;

import java.io.IOException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import city.trace.epcis.QueryScope;
import city.trace.org.CurrentMember;
import city.trace.tracing.Direction;
import city.trace.tracing.Outline;
import city.trace.tracing.TraceService;

/**
 * Audit exports of a trace ({@code /trace/export/{format}?from=…&direction=…}), for the members who may see the
 * trace and of what they may see: the FSMA 204 sortable spreadsheet (CSV, XLSX; filtered by {@code gtin},
 * {@code dateFrom}, {@code dateTo}, {@code lotFrom}, {@code lotTo}), the PDF audit report, the EPCIS document and
 * the evidence ZIP. Streamed as they are written, the events read a page at a time from the trace's outline; the
 * report and ZIP once their files are made.
 */
@Path("/trace/export")
@RolesAllowed({ CurrentMember.REGULATOR, CurrentMember.MANUFACTURER })
public class ExportResource {

    @Inject
    TraceService traces;

    @Inject
    ExportResponses responses;

    @Inject
    CurrentMember member;

    @GET
    @Path("/{format}")
    public Response export(@PathParam("format") String format, @QueryParam("from") String from,
            @QueryParam("direction") String direction, @QueryParam("gtin") String gtin,
            @QueryParam("dateFrom") String dateFrom, @QueryParam("dateTo") String dateTo,
            @QueryParam("lotFrom") String lotFrom, @QueryParam("lotTo") String lotTo) throws IOException {
        ExportFormat kind = ExportFormat.of(format);
        FsmaFilter filter = FsmaFilter.of(gtin, dateFrom, dateTo, lotFrom, lotTo);
        Direction way = Direction.of(direction);
        QueryScope scope = QueryScope.of(member);
        List<String> start = traces.start(from, scope);
        Outline trace = traces.outline(start, way, scope);
        if (trace.eventIds().isEmpty()) {
            throw new NotFoundException("Nothing you may see is recorded about " + from);
        }
        return responses.trace(kind, trace, from, filter);
    }
}
