package city.trace.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Base64;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import city.trace.access.AccessAction;
import city.trace.access.AccessLog;
import city.trace.org.CurrentMember;
import city.trace.search.SearchService;
import city.trace.tracing.Outline;
import city.trace.web.Downloads;

/** The download of an export, whatever it holds (a trace, a search), in each format; each one in the access log. */
@ApplicationScoped
public class ExportResponses {

    /** The report's own SHA-256, which it cannot hold: an RFC 9530 digest of the PDF sent. */
    static final String DIGEST = "Repr-Digest";

    @Inject
    AuditExports exports;

    @Inject
    AccessLog accessLog;

    @Inject
    CurrentMember member;

    /** A trace's export (the trace found something), in the access log. */
    Response trace(ExportFormat kind, Outline trace, String from, FsmaFilter filter) throws IOException {
        accessLog.record(AccessAction.EXPORT, trace.eventIds().size(), trace.organizations());
        AuditExports.Export export = exports.of(trace, from, member.getName());
        return send(kind, export, filter, Downloads.fileName("citytrace",
                export.subject().lot() != null ? export.subject().lot() : "trace", trace.direction().code(), kind.code));
    }

    /** A search's export (the search found something), in the access log. */
    Response search(ExportFormat kind, SearchService.Matches matches, String query, FsmaFilter filter)
            throws IOException {
        accessLog.record(AccessAction.EXPORT, matches.eventIds().size(), matches.organizations());
        return send(kind, exports.ofSearch(matches.eventIds(), query, member.getName()), filter,
                Downloads.fileName("citytrace", "search", kind.code));
    }

    /** The export in its format, streamed as it is written (the report and ZIP once their files are made). */
    private Response send(ExportFormat kind, AuditExports.Export export, FsmaFilter filter, String name) throws IOException {
        return switch (kind) {
            case FSMA_CSV -> Downloads.attachment((StreamingOutput) out -> exports.fsmaCsv(export, filter, out),
                    kind.mediaType, name);
            case FSMA_XLSX -> Downloads.attachment((StreamingOutput) out -> exports.fsmaXlsx(export, filter, out),
                    kind.mediaType, name);
            case EPCIS_JSONLD -> Downloads.attachment((StreamingOutput) out -> exports.epcis(export, out),
                    kind.mediaType, name);
            case EPCIS_XML -> Downloads.attachment((StreamingOutput) out -> exports.epcisXml(export, out),
                    kind.mediaType, name);
            case REPORT_PDF -> report(export, kind, name);
            case EVIDENCE_ZIP -> Downloads.attachment((StreamingOutput) out -> {
                try (Evidence evidence = exports.evidence(export)) {
                    evidence.zip(out, export.summary().exportedAt(), export.about());
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
