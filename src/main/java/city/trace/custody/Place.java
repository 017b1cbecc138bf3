package city.trace.custody;

import java.util.Optional;

import city.trace.gs1.DigitalLink;
import city.trace.gs1.DigitalLinkKey;

/**
 * Where stock is: at a site ({@code site:<GLN>}) or on its way ({@code transit:<key>}), the key being the
 * business transaction that names the shipment, or the route it travels.
 */
public final class Place {

    private static final String SITE = "site:";
    private static final String TRANSIT = "transit:";

    private Place() {
    }

    /** The site place of a location identifier that is a GLN (sub-locations count as their site). */
    public static Optional<String> site(String location) {
        return DigitalLink.parse(location, DigitalLinkKey.GLN).map(link -> SITE + link.keyValue());
    }

    public static String siteOf(String gln) {
        return SITE + gln;
    }

    /** The GLN of a site place, or empty for a place in transit. */
    public static Optional<String> glnOf(String place) {
        return place.startsWith(SITE) ? Optional.of(place.substring(SITE.length())) : Optional.empty();
    }

    public static boolean isTransit(String place) {
        return place.startsWith(TRANSIT);
    }

    /** Goods shipped under a business transaction (a despatch advice, bill of lading…). */
    public static String transitUnder(String bizTransaction) {
        return TRANSIT + bizTransaction;
    }

    /** Goods on their way from one place to another, when no transaction names the shipment. */
    public static String transitBetween(String from, String to) {
        return TRANSIT + from + ">" + (to == null ? "?" : to);
    }
}
