package city.trace.audit;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import city.trace.batch.Batch;
import city.trace.epcis.EpcisEvent;
import city.trace.epcis.EventClaims;
import city.trace.epcis.IdentifierRole;
import city.trace.gs1.DigitalLink;
import city.trace.gs1.DigitalLinkKey;
import city.trace.site.Site;

/**
 * EPCIS events as FSMA 204 Critical Tracking Events, as GS1 US's EPCIS recommendations for FSMA 204 map them: the
 * CTE from the event type and business step, one row for each lot the event is about (for a transformation, each
 * lot it made, listing the lots it used), locations as GLNs, reference documents from the bizTransactionList.
 */
final class FsmaRows {

    /** The lines of an event that name the lots a non-transformation CTE is about. */
    private static final EnumSet<IdentifierRole> ABOUT = EnumSet.of(IdentifierRole.EPC, IdentifierRole.CLASS,
            IdentifierRole.PARENT, IdentifierRole.CHILD, IdentifierRole.CHILD_CLASS);

    private FsmaRows() {
    }

    /** The rows of a page's events that the filter accepts, in the events' order. */
    static List<FsmaRow> of(AuditEvents.Page page, FsmaFilter filter) {
        List<FsmaRow> rows = new ArrayList<>();
        for (AuditEvents.Entry entry : page.entries()) {
            EventClaims claims = entry.claims();
            Optional<String> cte = claims == null ? Optional.empty() : cte(claims);
            if (cte.isEmpty()) {
                continue; // not a Critical Tracking Event (observing, packing…), or unreadable
            }
            EpcisEvent event = entry.event();
            boolean transformation = claims.isTransformation();
            List<EventClaims.Line> lots = claims.lines(transformation ? IdentifierRole.OUTPUTS : ABOUT);
            String inputs = transformation ? claims.lines(IdentifierRole.INPUTS).stream()
                    .map(line -> lotCode(line.identifier())).distinct().collect(Collectors.joining("; ")) : null;
            Site site = page.sites().get(claims.location());
            String time = event.eventTime.atOffset(offset(event.eventTimeZoneOffset)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            for (EventClaims.Line line : lots) {
                Optional<DigitalLink> link = DigitalLink.parse(line.identifier(), DigitalLinkKey.GTIN);
                String gtin = link.map(DigitalLink::keyValue).orElse(null);
                FsmaRow row = new FsmaRow(cte.get(), lotCode(line.identifier()), line.identifier(),
                        lotSource(page.lots().get(line.identifier()), cte.get(), claims.location(), site),
                        gtin, gtin == null ? null : page.products().get(gtin),
                        line.quantity() != null ? line.quantity().toPlainString() : line.role().quantity ? null : "1",
                        line.quantity() != null ? line.uom() : line.role().quantity ? null : "EA",
                        gln(claims.location()), site == null ? null : site.name + ", " + site.city, time,
                        parties(claims.sources(), page), parties(claims.destinations(), page), inputs,
                        claims.bizTransactions().stream().map(EventClaims.Party::type)
                                .map(type -> type == null ? "" : type).collect(Collectors.joining("; ")),
                        claims.bizTransactions().stream().map(EventClaims.Party::id).collect(Collectors.joining("; ")),
                        event.eventId, event.hash, entry.verified().verification().outcome().name());
                if (filter.accepts(row, event.eventTime.atOffset(ZoneOffset.UTC).toLocalDate())) {
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** The Critical Tracking Event an event records, if any. */
    static Optional<String> cte(EventClaims claims) {
        if (claims.isTransformation()) {
            return Optional.of("Transformation");
        }
        String step = claims.bizStep() == null ? "" : claims.bizStep();
        return Optional.ofNullable(switch (step) {
            case "harvesting" -> "Harvesting";
            case "cooling" -> "Cooling";
            case "commissioning", "creating_class_instance" -> "ADD".equals(claims.action()) ? "Initial packing" : null;
            case "shipping", "departing" -> "Shipping";
            case "receiving", "arriving" -> "Receiving";
            default -> null;
        });
    }

    /** The lot code of a lot's Digital Link (its serial for an item, its SSCC for a logistic unit). */
    static String lotCode(String identifier) {
        return DigitalLink.parse(identifier).map(link -> link.qualifier(DigitalLink.LOT)
                .or(() -> link.qualifier(DigitalLink.SERIAL)).orElse(link.keyValue())).orElse(identifier);
    }

    /**
     * Where the lot got its code: the site of its batch, else the location of the event that made it; unknown
     * (null) for a lot shipped or received here that no member registered.
     */
    private static String lotSource(Batch batch, String cte, String location, Site site) {
        if (batch != null) {
            return batch.site.gln + " (" + batch.site.name + ", " + batch.site.city + ")";
        }
        if (cte.equals("Transformation") || cte.equals("Initial packing") || cte.equals("Harvesting")) {
            return site == null ? gln(location) : site.gln + " (" + site.name + ", " + site.city + ")";
        }
        return null;
    }

    private static String parties(List<EventClaims.Party> parties, AuditEvents.Page page) {
        return parties.stream().map(party -> Optional.ofNullable(page.sites().get(party.id()))
                .map(site -> site.gln + " (" + site.name + ", " + site.city + ")").orElse(gln(party.id())))
                .distinct().collect(Collectors.joining("; "));
    }

    /** The GLN of a location's Digital Link, else the identifier as the event gives it. */
    private static String gln(String location) {
        return location == null ? null
                : DigitalLink.parse(location, DigitalLinkKey.GLN).map(DigitalLink::keyValue).orElse(location);
    }

    private static ZoneOffset offset(String offset) {
        try {
            return offset == null ? ZoneOffset.UTC : ZoneOffset.of(offset);
        } catch (java.time.DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
