package city.trace.audit;

import java.util.Arrays;

import jakarta.ws.rs.NotFoundException;

/** The exports of a trace, by the name their URL and file end with. */
public enum ExportFormat {
    FSMA_CSV("fsma.csv", "text/csv; charset=UTF-8"),
    FSMA_XLSX("fsma.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    REPORT_PDF("report.pdf", "application/pdf"),
    EPCIS_JSONLD("epcis.jsonld", "application/ld+json"),
    EPCIS_XML("epcis.xml", "application/xml"),
    EVIDENCE_ZIP("evidence.zip", "application/zip");

    public final String code;
    public final String mediaType;

    ExportFormat(String code, String mediaType) {
        this.code = code;
        this.mediaType = mediaType;
    }

    public static ExportFormat of(String code) {
        return Arrays.stream(values()).filter(format -> format.code.equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("No export " + code + ": fsma.csv, fsma.xlsx, report.pdf, "
                        + "epcis.jsonld, epcis.xml or evidence.zip"));
    }
}
