package city.trace.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The FSMA 204 electronic sortable spreadsheet of an export's events, written as the pages come: CSV (RFC 4180,
 * UTF-8) or XLSX (POI's streaming workbook keeps {@value #ROWS_IN_MEMORY} rows in memory, the rest on disk).
 */
final class FsmaSheets {

    private static final int ROWS_IN_MEMORY = 200;

    private FsmaSheets() {
    }

    /** The CSV of the events with these IDs; the number of rows written. */
    static long csv(AuditEvents events, List<String> eventIds, FsmaFilter filter, OutputStream out) throws IOException {
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        long[] rows = { 0 };
        CSVPrinter csv = new CSVPrinter(text, CSVFormat.RFC4180.builder().setHeader(FsmaRow.COLUMNS.toArray(String[]::new)).get());
        events.each(eventIds, page -> {
            for (FsmaRow row : FsmaRows.of(page, filter)) {
                csv.printRecord(row.values());
                rows[0]++;
            }
            csv.flush(); // a page at a time to the client: its progress shows
        });
        csv.flush();
        return rows[0];
    }

    /** The XLSX of the events with these IDs, one sheet with a bold header row, filterable; the number of rows. */
    static long xlsx(AuditEvents events, List<String> eventIds, FsmaFilter filter, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        try {
            SXSSFSheet sheet = workbook.createSheet("FSMA 204");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            write(sheet.createRow(0), FsmaRow.COLUMNS, bold);
            int[] next = { 1 };
            events.each(eventIds, page -> FsmaRows.of(page, filter).forEach(row -> write(sheet.createRow(next[0]++), row.values(), null)));
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, next[0] - 1), 0, FsmaRow.COLUMNS.size() - 1));
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return next[0] - 1L;
        } finally {
            workbook.close(); // and its temporary files
        }
    }

    private static void write(Row row, List<String> values, CellStyle style) {
        for (int i = 0; i < values.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(values.get(i));
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }
}
