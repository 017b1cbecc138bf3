package city.trace.audit;

import java.util.Arrays;
import java.util.List;

/**
 * One Critical Tracking Event of one traceability lot, with its Key Data Elements: a row of the FSMA 204
 * electronic sortable spreadsheet. The README's "Exports" section documents each column.
 */
public record FsmaRow(String cte, String lotCode, String lotLink, String lotSource, String gtin, String product,
        String quantity, String unit, String location, String locationName, String eventTime, String previousSource,
        String nextRecipient, String inputLots, String documentType, String documentNumber, String eventId,
        String eventHash, String verification) {

    /** The column titles, in the order {@link #values()} gives them. */
    public static final List<String> COLUMNS = List.of("Critical tracking event", "Traceability lot code",
            "Traceability lot code (Digital Link)", "Traceability lot code source", "GTIN", "Product description",
            "Quantity", "Unit of measure", "Location (GLN)", "Location description", "Date and time",
            "Immediate previous source", "Immediate subsequent recipient", "Input traceability lot codes",
            "Reference document type", "Reference document number", "EPCIS event ID", "Event hash",
            "Verification at export");

    public List<String> values() {
        return Arrays.asList(cte, lotCode, lotLink, lotSource, gtin, product, quantity, unit, location,
                locationName, eventTime, previousSource, nextRecipient, inputLots, documentType, documentNumber, eventId,
                eventHash, verification);
    }
}
