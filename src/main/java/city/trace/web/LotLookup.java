package city.trace.web;

import java.util.Optional;

import city.trace.gs1.DigitalLink;
import city.trace.gs1.DigitalLinkKey;
import city.trace.gs1.Gs1Key;
import city.trace.gs1.InvalidIdentifierException;

/**
 * What a visitor without a camera typed into the landing page's Digital Link box: the GTIN and lot printed on
 * the package, or the whole Digital Link address of its QR code pasted into {@code gtin}.
 */
public record LotLookup(String gtin, String lot) {

    public static LotLookup empty() {
        return new LotLookup("", "");
    }

    /**
     * The public page of what was typed: /01/{gtin}/10/{lot} (a pasted link to a serialised item keeps its
     * serial).
     *
     * @throws InvalidFormException saying what is wrong with each field
     */
    public String path() {
        FormErrors errors = FormErrors.none();
        String code = gtin == null ? "" : gtin.strip();
        String lotTyped = lot == null ? "" : lot.strip();
        Optional<DigitalLink> pasted = code.regionMatches(true, 0, "http", 0, 4) ? pasted(code, errors) : Optional.empty();
        Optional<DigitalLink> lotOrItem = pasted.map(DigitalLink::finestLevel)
                .filter(link -> link.qualifier(DigitalLink.LOT).or(() -> link.qualifier(DigitalLink.SERIAL)).isPresent());
        if (lotOrItem.isPresent()) {
            return lotOrItem.get().path();
        }
        String gtin14 = pasted.map(DigitalLink::keyValue).orElse(null);
        if (gtin14 == null && errors.isEmpty()) {
            // the digits under a barcode are often printed in groups: 8 712347 00002 4
            String digits = code.matches("[0-9 -]+") ? code.replaceAll("[ -]", "") : code;
            Gs1Key.GTIN.problem(digits).ifPresent(problem -> errors.add("gtin", problem));
            gtin14 = Gs1Key.GTIN.normalise(digits);
        }
        DigitalLink.lotProblem(lotTyped).ifPresent(problem -> errors.add("lot", problem));
        errors.throwIfAny();
        return DigitalLink.lot(gtin14, lotTyped).path();
    }

    /** The product (GTIN) a pasted Digital Link names, perhaps with its lot; empty with an error otherwise. */
    private static Optional<DigitalLink> pasted(String uri, FormErrors errors) {
        try {
            Optional<DigitalLink> link = DigitalLink.parse(uri);
            if (link.isEmpty()) {
                errors.add("gtin", "This address is no GS1 Digital Link: its path has no /01/ followed by a GTIN");
            } else if (link.get().key() != DigitalLinkKey.GTIN) {
                errors.add("gtin", "This Digital Link names a " + link.get().key() + ", not a product's GTIN");
            }
            return link.filter(l -> l.key() == DigitalLinkKey.GTIN);
        } catch (InvalidIdentifierException e) {
            errors.add("gtin", "This Digital Link is not valid: " + e.reason());
            return Optional.empty();
        }
    }
}
