package city.trace.tracing;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import city.trace.gs1.DigitalLink;
import city.trace.gs1.DigitalLinkKey;
import city.trace.product.Product;

/** What the identifiers a trace reaches are, in people's words. */
public final class Identifiers {

    private Identifiers() {
    }

    /** "lot", "item", "logistic unit", "product" or "other". */
    public static String kind(String id) {
        Optional<DigitalLink> link = gs1(id);
        if (link.isEmpty()) {
            return "other";
        }
        if (link.get().key() == DigitalLinkKey.SSCC) {
            return "logistic unit";
        }
        if (link.get().key() != DigitalLinkKey.GTIN) {
            return "other";
        }
        return link.get().qualifier(DigitalLink.SERIAL).isPresent() ? "item"
                : link.get().qualifier(DigitalLink.LOT).isPresent() ? "lot" : "product";
    }

    /**
     * "Stoneground wheat flour · lot F2026-11" for a lot of a registered product ("… · serial …" for an item,
     * "GTIN …" for a product registered nowhere here), "Logistic unit 0871…" for an SSCC, with one query for names.
     */
    public static Map<String, String> labels(Collection<String> ids) {
        Map<String, DigitalLink> links = new HashMap<>();
        ids.forEach(id -> gs1(id).ifPresent(link -> links.put(id, link)));
        Map<String, String> products = Product.namesByGtin(links.values().stream()
                .filter(link -> link.key() == DigitalLinkKey.GTIN).map(DigitalLink::keyValue).collect(Collectors.toSet()));
        Map<String, String> labels = new HashMap<>();
        links.forEach((id, link) -> {
            if (link.key() == DigitalLinkKey.SSCC) {
                labels.put(id, "Logistic unit " + link.keyValue());
            } else if (link.key() == DigitalLinkKey.GTIN) {
                labels.put(id, products.getOrDefault(link.keyValue(), "GTIN " + link.keyValue())
                        + link.qualifier(DigitalLink.LOT).map(lot -> " · lot " + lot)
                                .or(() -> link.qualifier(DigitalLink.SERIAL).map(serial -> " · serial " + serial)).orElse(""));
            }
        });
        return labels;
    }

    private static Optional<DigitalLink> gs1(String id) {
        return DigitalLink.parse(id, DigitalLinkKey.SSCC).or(() -> DigitalLink.parse(id, DigitalLinkKey.GTIN))
                .or(() -> DigitalLink.parse(id, DigitalLinkKey.GLN));
    }
}
