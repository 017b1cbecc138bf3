package city.trace.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hibernate.FlushMode;
import org.hibernate.Session;

import city.trace.batch.Batch;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import city.trace.epcis.EpcisEvent;
import city.trace.epcis.EventClaims;
import city.trace.gs1.DigitalLink;
import city.trace.gs1.DigitalLinkKey;
import city.trace.product.Product;
import city.trace.site.Places;
import city.trace.site.Site;
import city.trace.verify.Verifier;

/**
 * Reads the events of an export a page at a time, verified now by the one verifier, with the sites, products and
 * lots they name: an export of any size holds one page of events and the list of their IDs.
 */
@ApplicationScoped
public class AuditEvents {

    /** How many events a page reads. */
    static final int PAGE = 500;

    /** One event of a page: as stored, and what the verifier found now. */
    public record Entry(EpcisEvent event, Verifier.Verified verified) {

        /** What the event says, as the verifier read it; null when unreadable. */
        public EventClaims claims() {
            return verified.claims();
        }
    }

    /** A page of events with the sites (by location identifier), product names (by GTIN) and lots they name. */
    public record Page(List<Entry> entries, Map<String, Site> sites, Map<String, String> products,
            Map<String, Batch> lots) {
    }

    /** Writes a page somewhere; an I/O failure ends the export. */
    @FunctionalInterface
    public interface PageWriter {
        void write(Page page) throws IOException;
    }

    @Inject
    Verifier verifier;

    /** Each page of the events with these IDs, oldest first within a page, in the order of the IDs' pages. */
    @Transactional
    @TransactionConfiguration(timeout = 3600) // a large export reads for minutes, a page at a time
    public void each(List<String> eventIds, PageWriter writer) {
        Session session = EpcisEvent.getEntityManager().unwrap(Session.class);
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
        for (int from = 0; from < eventIds.size(); from += PAGE) {
            List<EpcisEvent> events = EpcisEvent.listByEventIds(eventIds.subList(from, Math.min(eventIds.size(), from + PAGE)));
            Map<Long, Verifier.Verified> verified = verifier.verify(events);
            List<Entry> entries = new ArrayList<>();
            Set<String> places = new LinkedHashSet<>();
            Set<String> identifiers = new HashSet<>();
            for (EpcisEvent event : events) {
                Verifier.Verified its = verified.get(event.id);
                EventClaims claims = its.claims();
                entries.add(new Entry(event, its));
                if (claims != null) {
                    places.add(claims.location());
                    claims.sources().forEach(party -> places.add(party.id()));
                    claims.destinations().forEach(party -> places.add(party.id()));
                    claims.lines().forEach(line -> identifiers.add(line.identifier()));
                }
            }
            places.remove(null);
            try {
                writer.write(new Page(entries, Places.sites(places), Product.namesByGtin(gtins(identifiers)),
                        Batch.byLotLinks(identifiers)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            session.clear(); // the page is written: nothing of it stays
        }
    }

    /** The distinct namespace declarations of these events, for a document's {@code @context}. */
    @Transactional
    public List<String> namespaces(List<String> eventIds) {
        Set<String> namespaces = new LinkedHashSet<>();
        for (int from = 0; from < eventIds.size(); from += PAGE) {
            namespaces.addAll(EpcisEvent.namespacesOf(eventIds.subList(from, Math.min(eventIds.size(), from + PAGE))));
        }
        return List.copyOf(namespaces);
    }

    private static Set<String> gtins(Collection<String> identifiers) {
        Set<String> gtins = new HashSet<>();
        identifiers.forEach(id -> DigitalLink.parse(id, DigitalLinkKey.GTIN).ifPresent(link -> gtins.add(link.keyValue())));
        return gtins;
    }
}
