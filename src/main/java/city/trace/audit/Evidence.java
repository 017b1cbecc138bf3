package city.trace.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import city.trace.epcis.EpcisDocuments;
import city.trace.proof.ProofBundle;
import city.trace.proof.ProofBundleJson;

/**
 * The evidence of an export, made in one pass over its events so that its files agree: the EPCIS document
 * ({@value #EPCIS}), the proof bundle ({@value #BUNDLE}) and the audit report ({@value #REPORT}) that states
 * the SHA-256 of the other two. Written to a scratch folder, never held in memory.
 */
final class Evidence implements AutoCloseable {

    static final String EPCIS = "epcis.jsonld";
    static final String BUNDLE = "proof-bundle.json";
    static final String REPORT = "report.pdf";
    static final String MANIFEST = "manifest.json";

    private final Path folder;
    /** SHA-256 (hex) of each file, by name, in the order written. */
    private final Map<String, String> sha256 = new LinkedHashMap<>();

    private Evidence(Path folder) {
        this.folder = folder;
    }

    /** The evidence of the events with these IDs. */
    static Evidence make(AuditEvents events, List<String> eventIds, ProofBundle.Subject subject,
            AuditReport.Summary summary) throws IOException {
        Evidence evidence = new Evidence(Files.createTempDirectory("citytrace-evidence"));
        try (DigestOutputStream epcis = evidence.open(EPCIS); DigestOutputStream bundle = evidence.open(BUNDLE);
                AuditReport report = new AuditReport(summary)) {
            EpcisDocuments.DocumentWriter document = EpcisDocuments.document(epcis, events.namespaces(eventIds));
            ProofBundleJson.StreamedBundle proofs = ProofBundleJson.stream(bundle, subject, summary.exportedAt());
            events.each(eventIds, page -> {
                for (AuditEvents.Entry entry : page.entries()) {
                    document.event(entry.event().event, entry.event().namespaces);
                    if (entry.verified().entry() != null) {
                        proofs.event(entry.verified().bundled());
                    }
                }
                report.events(page);
            });
            document.close();
            proofs.close();
            evidence.closed(EPCIS, epcis);
            evidence.closed(BUNDLE, bundle);
            try (DigestOutputStream pdf = evidence.open(REPORT)) {
                report.save(new LinkedHashMap<>(evidence.sha256), pdf);
                evidence.closed(REPORT, pdf);
            }
        } catch (IOException | RuntimeException e) {
            evidence.close();
            throw e;
        }
        return evidence;
    }

    Path file(String name) {
        return folder.resolve(name);
    }

    String sha256(String name) {
        return Objects.requireNonNull(sha256.get(name), name);
    }

    /**
     * The ZIP of the three files and a manifest naming each with its size and SHA-256 (hex), the time of export
     * and the report's subject.
     */
    void zip(OutputStream out, Instant exportedAt, String subject) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        StringBuilder manifest = new StringBuilder("{\n  \"format\": \"citytrace-evidence/1\",\n  \"subject\": ")
                .append(quoted(subject)).append(",\n  \"exportedAt\": \"").append(exportedAt).append("\",\n  \"files\": [");
        String separator = "\n";
        for (String name : sha256.keySet()) {
            zip.putNextEntry(new ZipEntry(name));
            Files.copy(file(name), zip);
            zip.closeEntry();
            manifest.append(separator).append("    {\"name\": \"").append(name).append("\", \"bytes\": ")
                    .append(Files.size(file(name))).append(", \"sha256\": \"").append(sha256.get(name)).append("\"}");
            separator = ",\n";
        }
        manifest.append("\n  ]\n}\n");
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    private DigestOutputStream open(String name) throws IOException {
        try {
            return new DigestOutputStream(Files.newOutputStream(file(name)), MessageDigest.getInstance("SHA-256"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private void closed(String name, DigestOutputStream stream) throws IOException {
        stream.flush();
        sha256.put(name, HexFormat.of().formatHex(stream.getMessageDigest().digest()));
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() throws IOException {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(folder);
    }
}
