package city.trace.audit;

import java.awt.Color;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import city.trace.proof.BundleEvent;
import city.trace.proof.BundleProof;
import city.trace.proof.Outcome;
import city.trace.site.Site;
import city.trace.tracing.TraceGraph;
import city.trace.verify.Verification;

/**
 * The PDF audit report of an export: a summary with the SHA-256 of the EPCIS document and proof bundle it
 * describes, the trace graph, then every event with its hash, audit path, root, transaction, block and what the
 * verifier found at export time. Pages of events are written as they come, to a scratch file rather than memory;
 * the summary, known last, goes before them.
 */
final class AuditReport implements Closeable {

    /**
     * What the summary says about the exported events: what they are (a trace, a search) and how many.
     *
     * @param graph draws the trace's graph, its nodes coloured by their events' outcomes at export (by event ID);
     *              null for a search
     */
    record Summary(String heading, String counts, Instant exportedAt, String exportedBy,
            Function<Map<String, Outcome>, TraceGraph> graph) {
    }

    private static final float MARGIN = 40;
    private static final float LINE = 11;
    private static final PDFont REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDFont BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final PDFont MONO = new PDType1Font(Standard14Fonts.FontName.COURIER);

    private final PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
    private final Summary summary;
    private PDPageContentStream content;
    private float y;
    private int described;
    /** What the verifier found of each event described, by event ID, for the graph. */
    private final Map<String, Outcome> outcomes = new HashMap<>();

    AuditReport(Summary summary) {
        this.summary = summary;
    }

    /** Adds a page of events. */
    void events(AuditEvents.Page page) throws IOException {
        if (content == null) {
            newPage();
            line(BOLD, 13, "Events, oldest first");
        }
        for (AuditEvents.Entry entry : page.entries()) {
            describe(entry, page);
        }
    }

    /**
     * Puts the summary and graph first and saves the report.
     *
     * @param files the SHA-256 (hex) of each file the report describes, by file name
     */
    void save(Map<String, String> files, OutputStream out) throws IOException {
        if (content != null) {
            content.close();
        }
        List<PDPage> eventPages = new ArrayList<>();
        document.getPages().forEach(eventPages::add);
        eventPages.forEach(document::removePage);
        content = null;
        newPage();
        line(BOLD, 16, "CityTrace audit report");
        line(REGULAR, 10, summary.heading());
        line(REGULAR, 10, summary.counts());
        line(REGULAR, 10, "Exported " + summary.exportedAt() + " by " + summary.exportedBy());
        line(REGULAR, 10, "Events described: " + described);
        gap();
        line(BOLD, 11, "SHA-256 of the files this report describes");
        for (Map.Entry<String, String> file : files.entrySet()) {
            line(MONO, 8, file.getKey() + "  sha256:" + file.getValue());
        }
        line(REGULAR, 8, "The EPCIS document holds the events as stored; the proof bundle holds each event with its "
                + "proof, which the command-line verifier checks against any node of the chain.");
        if (summary.graph() != null) {
            TraceGraph graph = summary.graph().apply(outcomes);
            gap();
            line(BOLD, 11, "Trace graph" + (graph.drawn() < graph.total()
                    ? " (the " + graph.drawn() + " nearest of " + graph.total() + ")" : ""));
            graph(graph);
        }
        content.close();
        content = null;
        eventPages.forEach(document::addPage);
        document.save(out);
    }

    private void describe(AuditEvents.Entry entry, AuditEvents.Page page) throws IOException {
        described++;
        var event = entry.event();
        Verification verification = entry.verified().verification();
        outcomes.put(event.eventId, verification.outcome());
        BundleEvent bundled = entry.verified().bundled();
        ensure(9 * LINE);
        gap();
        line(BOLD, 10, described + ". " + event.eventType + (event.action == null ? "" : " " + event.action)
                + (event.bizStepTerm() == null ? "" : " · " + event.bizStepTerm()) + " · " + event.eventTime);
        var claims = entry.claims();
        Site site = claims == null ? null : page.sites().get(claims.location());
        line(REGULAR, 9, "Where: " + (site != null ? site.name + ", " + site.city + " (GLN " + site.gln + ")"
                : claims == null ? "unreadable" : String.valueOf(claims.location()))
                + " · Recorded by: " + (event.organization == null ? "-" : event.organization.name));
        line(MONO, 7, "Event ID " + event.eventId);
        line(MONO, 7, "Hash     " + event.hash);
        BundleProof proof = bundled == null ? null : bundled.proof();
        if (proof != null) {
            line(MONO, 7, "Root     " + proof.root() + "  leaf " + proof.leafIndex() + " of " + proof.treeSize());
            for (int i = 0; i < proof.auditPath().size(); i++) {
                line(MONO, 7, (i == 0 ? "Path     " : "         ") + proof.auditPath().get(i));
            }
            line(MONO, 7, "Tx       " + (proof.txHash() == null ? "-" : proof.txHash()));
            line(MONO, 7, "Block    " + (proof.blockNumber() == null ? "-" : proof.blockNumber() + " at " + proof.blockTime())
                    + "  chain " + proof.chainId() + "  contract " + proof.contract());
        } else {
            line(MONO, 7, "Proof    none (" + (bundled == null ? "unreadable" : bundled.status()) + ")");
        }
        line(BOLD, 9, "Verification at export: " + verification.outcome()
                + (verification.reason() == null ? "" : " - " + verification.reason()));
    }

    private void graph(TraceGraph graph) throws IOException {
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        float height = y - MARGIN;
        float scale = Math.min(1f, Math.min(width / graph.width(), height / graph.height()));
        float top = y;
        content.setLineWidth(0.8f);
        content.setStrokingColor(Color.GRAY);
        for (String curve : graph.curves()) {
            // "M x1 y1 C cx1 cy1 cx2 cy2 x2 y2", as TraceGraph draws it for the page
            String[] p = curve.replace("M", "").replace("C", "").trim().split("\\s+");
            float[] v = new float[p.length];
            for (int i = 0; i < p.length; i++) {
                v[i] = i % 2 == 0 ? MARGIN + Float.parseFloat(p[i]) * scale : top - Float.parseFloat(p[i]) * scale;
            }
            content.moveTo(v[0], v[1]);
            content.curveTo(v[2], v[3], v[4], v[5], v[6], v[7]);
            content.stroke();
        }
        for (TraceGraph.Box box : graph.boxes()) {
            float x = MARGIN + box.x() * scale;
            float boxTop = top - box.y() * scale;
            content.setNonStrokingColor(switch (box.outcome()) {
                case "VERIFIED" -> new Color(0xE6F4EA);
                case "TAMPERED", "NOT_ON_CHAIN" -> new Color(0xFCE8E6);
                default -> new Color(0xFFF8E1);
            });
            content.addRect(x, boxTop - graph.boxHeight() * scale, graph.boxWidth() * scale, graph.boxHeight() * scale);
            content.fill();
            content.setStrokingColor(box.start() ? Color.BLACK : Color.GRAY);
            content.addRect(x, boxTop - graph.boxHeight() * scale, graph.boxWidth() * scale, graph.boxHeight() * scale);
            content.stroke();
            content.setNonStrokingColor(Color.BLACK);
            text(BOLD, 9 * scale, x + 6 * scale, boxTop - 16 * scale, box.label() + (box.recalled() ? " (recalled)" : ""));
            text(REGULAR, 8 * scale, x + 6 * scale, boxTop - 30 * scale, box.detail());
            text(REGULAR, 7 * scale, x + 6 * scale, boxTop - 41 * scale, box.outcome());
        }
        y = top - graph.height() * scale;
    }

    private void line(PDFont font, float size, String text) throws IOException {
        float max = PDRectangle.A4.getWidth() - 2 * MARGIN;
        String rest = printable(text, font);
        while (!rest.isEmpty()) {
            int fit = rest.length();
            while (fit > 1 && font.getStringWidth(rest.substring(0, fit)) / 1000 * size > max) {
                fit--;
            }
            ensure(LINE);
            text(font, size, MARGIN, y - size, rest.substring(0, fit));
            y -= Math.max(LINE, size + 3);
            rest = rest.substring(fit);
        }
    }

    private void text(PDFont font, float size, float x, float baseline, String text) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, baseline);
        content.showText(printable(text, font));
        content.endText();
    }

    private void gap() {
        y -= LINE / 2;
    }

    private void ensure(float space) throws IOException {
        if (y - space < MARGIN) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    /** The text with what the standard fonts cannot show replaced by "?". */
    private static String printable(String text, PDFont font) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            String ch = Character.toString(c);
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        document.close();
    }
}
