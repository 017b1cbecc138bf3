package city.trace.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import city.trace.access.AccessAction;
import city.trace.access.AccessLog;
import city.trace.epcis.QueryScope;
import city.trace.org.CurrentMember;
import city.trace.tracing.Direction;
import city.trace.tracing.Trace;
import city.trace.tracing.TraceService;
import city.trace.web.Downloads;
import io.vertx.core.http.HttpServerRequest;

/**
 * Audit exports of a trace ({@code /trace/export/{format}?from=…&direction=…}), for the members who may see the
 * trace and of what they may see: the FSMA 204 sortable spreadsheet (CSV, XLSX; filtered by {@code gtin},
 * {@code dateFrom}, {@code dateTo}, {@code lotFrom}, {@code lotTo}), the PDF audit report, the EPCIS document and
 * the evidence ZIP. Streamed as they are written; the report and ZIP once their files are made.
 */
@Path("/trace/export")
@RolesAllowed({ CurrentMember.REGULATOR, CurrentMember.MANUFACTURER })
public class ExportResource {

    /** The report's own SHA-256, which it cannot hold: an RFC 9530 digest of the PDF sent. */
    static final String DIGEST = "Repr-Digest";

    @Inject
    TraceService traces;

    @Inject
    AuditExports exports;

    @Inject
    CurrentMember member;

    @Inject
    AccessLog accessLog;

    @Inject
    HttpServerRequest request;

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
        Trace trace = traces.trace(start, way, scope);
        if (trace.events().isEmpty()) {
            throw new NotFoundException("Nothing you may see is recorded about " + from);
        }
        accessLog.record(member, AccessAction.EXPORT, request.uri(), trace.events().size(), trace.organizations());
        AuditExports.Export export = exports.of(trace, from, member.getName());
        String name = Downloads.fileName("citytrace", export.subject().lot() != null ? export.subject().lot() : "trace",
                way.code(), kind.code);
        return switch (kind) {
            case FSMA_CSV -> Downloads.attachment((StreamingOutput) out -> exports.fsmaCsv(export, filter, out),
                    kind.mediaType, name);
            case FSMA_XLSX -> Downloads.attachment((StreamingOutput) out -> exports.fsmaXlsx(export, filter, out),
                    kind.mediaType, name);
            case EPCIS_JSONLD -> Downloads.attachment((StreamingOutput) out -> exports.epcis(export, out),
                    kind.mediaType, name);
            case REPORT_PDF -> report(export, kind, name);
            case EVIDENCE_ZIP -> Downloads.attachment((StreamingOutput) out -> {
                try (Evidence evidence = exports.evidence(export)) {
                    evidence.zip(out, export.summary().exportedAt(), export.subject().digitalLink());
                }
            }, kind.mediaType, name);
        };
    }

    /** The report, made before it is sent so that its SHA-256 can go ahead of it. */
    private Response report(AuditExports.Export export, ExportFormat kind, String name) throws IOException {
        Evidence evidence = exports.evidence(export);
        String sha256 = evidence.sha256(Evidence.REPORT);
        StreamingOutput pdf = out -> {
            try (evidence; InputStream in = Files.newInputStream(evidence.file(Evidence.REPORT))) {
                in.transferTo(out);
            }
        };
        return Response.fromResponse(Downloads.attachment(pdf, kind.mediaType, name))
                .header(DIGEST, "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":")
                .header("X-Report-SHA-256", sha256).build();
    }
}
