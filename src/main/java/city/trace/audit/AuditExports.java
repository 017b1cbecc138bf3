package city.trace.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import city.trace.epcis.EpcisDocuments;
import city.trace.epcis.xml.XmlDocumentWriter;
import city.trace.gs1.DigitalLink;
import city.trace.proof.ProofBundle;
import city.trace.tracing.Outline;
import city.trace.tracing.Trace;
import city.trace.tracing.TraceConfig;
import city.trace.tracing.TraceGraph;

/**
 * Audit exports of a set of events, given by their IDs so that a trace or a search result can be exported
 * alike: each reads the events a page at a time (see {@link AuditEvents}) and writes as it reads.
 */
@ApplicationScoped
public class AuditExports {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What is exported: the events' IDs in order, and what the report's summary and the bundle say of them. */
    public record Export(List<String> eventIds, ProofBundle.Subject subject, AuditReport.Summary summary) {

        /** What the evidence manifest names as its subject: the trace's start, or the search. */
        String about() {
            return subject.digitalLink() != null ? subject.digitalLink() : summary.heading();
        }
    }

    @Inject
    AuditEvents events;

    @Inject
    TraceConfig traceConfig;

    /** The export of a trace, by {@code exportedBy} now. */
    public Export of(Outline trace, String from, String exportedBy) {
        String start = trace.start().isEmpty() ? from : trace.start().getFirst();
        Trace.Node node = trace.node(start);
        ProofBundle.Subject subject = DigitalLink.parseLot(start)
                .map(lot -> new ProofBundle.Subject(lot.keyValue(), lot.qualifier(DigitalLink.LOT).orElseThrow(), start))
                .orElse(new ProofBundle.Subject(null, null, start));
        AuditReport.Summary summary = new AuditReport.Summary("Trace " + trace.direction().code() + " from "
                + (node == null ? start : node.label() + " (" + start + ")"), trace.nodes().size()
                + " lots, items or units; " + trace.eventIds().size() + " events; " + trace.organizationCount()
                + " organisations; " + trace.cityCount() + " cities"
                + (trace.truncated() ? " (the trace stopped at its configured number of lots)" : ""),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), exportedBy,
                outcomes -> TraceGraph.of(trace.verified(outcomes), traceConfig.maxDrawnNodes()));
        return new Export(trace.eventIds(), subject, summary);
    }

    /** The export of the events a search found ({@code query}: its query string), by {@code exportedBy} now. */
    public Export ofSearch(List<String> eventIds, String query, String exportedBy) {
        String heading = "Search " + (query.isEmpty() ? "of every event" : query);
        return new Export(eventIds, new ProofBundle.Subject(null, null, null), new AuditReport.Summary(heading,
                eventIds.size() + " events found", Instant.now().truncatedTo(ChronoUnit.MILLIS), exportedBy, null));
    }

    void fsmaCsv(Export export, FsmaFilter filter, OutputStream out) throws IOException {
        FsmaSheets.csv(events, export.eventIds(), filter, out);
    }

    void fsmaXlsx(Export export, FsmaFilter filter, OutputStream out) throws IOException {
        FsmaSheets.xlsx(events, export.eventIds(), filter, out);
    }

    /** The EPCIS 2.0 document of the events, as stored. */
    void epcis(Export export, OutputStream out) throws IOException {
        try (EpcisDocuments.DocumentWriter document = EpcisDocuments.document(out, events.namespaces(export.eventIds()))) {
            events.each(export.eventIds(), page -> {
                for (AuditEvents.Entry entry : page.entries()) {
                    document.event(entry.event().event, entry.event().namespaces);
                }
                out.flush();
            });
        }
    }

    /** The same events in the XML binding of EPCIS 2.0: read back, each keeps its Event Hash ID. */
    void epcisXml(Export export, OutputStream out) throws IOException {
        Map<String, String> prefixes = EpcisDocuments.documentPrefixes(events.namespaces(export.eventIds()));
        try (XmlDocumentWriter.Events document = XmlDocumentWriter.start(out, prefixes,
                export.summary().exportedAt().toString(), null, null)) {
            events.each(export.eventIds(), page -> {
                for (AuditEvents.Entry entry : page.entries()) {
                    document.event(JSON.readTree(entry.event().event),
                            EpcisDocuments.readPrefixes(entry.event().namespaces));
                }
            });
        }
    }

    /** The evidence files of the export, in a scratch folder the caller closes. */
    Evidence evidence(Export export) throws IOException {
        return Evidence.make(events, export.eventIds(), export.subject(), export.summary());
    }
}
