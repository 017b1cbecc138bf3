package city.trace.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.ws.rs.BadRequestException;

import city.trace.gs1.CheckDigit;

/**
 * Which rows of an FSMA 204 spreadsheet a request asks for: a product (GTIN), events from and to a date (UTC,
 * both inclusive), and traceability lot codes from and to (inclusive, compared as text). Null means no bound.
 */
public record FsmaFilter(String gtin, LocalDate from, LocalDate to, String lotFrom, String lotTo) {

    public static final FsmaFilter NONE = new FsmaFilter(null, null, null, null, null);

    /** The filter of a request's query parameters; 400 for a GTIN or date that is none. */
    public static FsmaFilter of(String gtin, String from, String to, String lotFrom, String lotTo) {
        String product = blankToNull(gtin);
        if (product != null && (!product.matches("\\d{14}") || !CheckDigit.isValid(product))) {
            throw new BadRequestException("gtin: expected a GTIN of 14 digits with a valid check digit, not '" + gtin + "'");
        }
        FsmaFilter filter = new FsmaFilter(product, date("dateFrom", from), date("dateTo", to), blankToNull(lotFrom),
                blankToNull(lotTo));
        if (filter.from != null && filter.to != null && filter.from.isAfter(filter.to)) {
            throw new BadRequestException("dateFrom: " + filter.from + " is after dateTo: " + filter.to);
        }
        return filter;
    }

    public boolean accepts(FsmaRow row, LocalDate day) {
        return (gtin == null || gtin.equals(row.gtin())) && (from == null || !day.isBefore(from))
                && (to == null || !day.isAfter(to))
                && (lotFrom == null || (row.lotCode() != null && row.lotCode().compareTo(lotFrom) >= 0))
                && (lotTo == null || (row.lotCode() != null && row.lotCode().compareTo(lotTo) <= 0));
    }

    private static LocalDate date(String name, String value) {
        String text = blankToNull(value);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + ": expected a date as YYYY-MM-DD, not '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
