package city.trace.label;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import city.trace.gs1.DigitalLink;
import city.trace.gs1.Gs1Key;

/**
 * What one label shows: the product's name, its lot, and the lot's GS1 Digital Link, which the QR code
 * carries. The Digital Link must name this very GTIN and lot, so the code and the printed text never tell
 * two different stories; its domain (the public base URL) is free.
 *
 * @param gtin a GTIN-8, 12, 13 or 14, kept as GTIN-14
 */
public record Label(String productName, String gtin, String lot, String digitalLink) {

    /** @throws IllegalArgumentException when a field is blank, the GTIN is wrong, or the link names another lot */
    public Label {
        requireText(productName, "product name");
        requireText(lot, "lot");
        requireText(digitalLink, "Digital Link");
        gtin = Gs1Key.GTIN.normalise(gtin);
        Gs1Key.GTIN.problem(gtin).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        DigitalLink named = DigitalLink.parse(digitalLink)
                .orElseThrow(() -> new IllegalArgumentException("not a GS1 Digital Link: " + digitalLink));
        if (!named.equals(DigitalLink.lot(gtin, lot))) {
            throw new IllegalArgumentException(
                    "the Digital Link " + digitalLink + " does not name GTIN " + gtin + " lot " + lot);
        }
    }

    /** The GS1 human-readable interpretation, AIs in parentheses: {@code (01) 08712347000026 (10) B20261120}. */
    String humanReadable() {
        DigitalLink link = DigitalLink.lot(gtin, lot);
        return Stream.concat(Stream.of("(" + link.key().ai() + ") " + link.keyValue()),
                link.qualifiers().stream().map(q -> "(" + q.ai() + ") " + q.value()))
                .collect(Collectors.joining(" "));
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
