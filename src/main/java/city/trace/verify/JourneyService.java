package city.trace.verify;

import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hibernate.FlushMode;
import org.hibernate.Session;

import city.trace.batch.Batch;
import city.trace.verify.VerifyConfig;
import city.trace.custody.ClaimChecks;
import city.trace.device.TemperatureRecord;
import city.trace.epcis.EpcisConfig;
import city.trace.custody.Violation;
import city.trace.epcis.EpcisEvent;
import city.trace.epcis.EventClaims;
import city.trace.epcis.IdentifierRole;
import city.trace.epcis.hash.Vocabulary;
import city.trace.gs1.DigitalLink;
import city.trace.gs1.DigitalLinkKey;
import city.trace.org.Members;
import city.trace.product.Product;
import city.trace.proof.AnchoringStatus;
import city.trace.proof.BundleEvent;
import city.trace.proof.Outcome;
import city.trace.site.Places;
import city.trace.site.Site;

/**
 * Builds a lot's journey from the stored events: the events that name the lot, and — through each
 * transformation that made it — those of its input lots, recursively; then verifies every event.
 */
@ApplicationScoped
public class JourneyService {

    private static final String RECALLED = "recalled";

    @Inject
    Verifier verifier;

    @Inject
    EpcisConfig epcis;

    @Inject
    VerifyConfig config;

    @Inject
    ClaimChecks claimChecks;

    /**
     * A lot or item a journey follows (as canonical Digital Link), how far upstream of the subject, and for an
     * input the transformation that used it: its history counts only up to that point.
     */
    private record Item(String digitalLink, int depth, EpcisEvent usedBy) {

        /** Whether the event happened before the item was used (always, for the subject itself). */
        boolean before(EpcisEvent event) {
            if (usedBy == null) {
                return true;
            }
            int byTime = event.eventTime.compareTo(usedBy.eventTime);
            return byTime < 0 || (byTime == 0 && event.id < usedBy.id);
        }
    }

    /**
     * An event found for the journey, the item it was found for, what it made (for a transformation), and the
     * recording rules it breaks (a third-party claim when there are any).
     */
    private record Found(EpcisEvent event, Item item, List<String> outputs, List<Violation> violations) {
    }

    /**
     * The lot's history (events vouched for) and the third-party claims about it, by event id; the identifiers
     * whose events were read, and those events' ids.
     */
    private record Collected(Map<Long, Found> history, Map<Long, Found> claims, Set<String> identifiers,
            Set<Long> read) {
    }

    /** A transformation's inputs and outputs (lots and items) as canonical identifiers, as its claims name them. */
    private record Transformation(List<String> inputs, List<String> outputs) {

        static final Transformation NONE = new Transformation(List.of(), List.of());

        /** NONE for no transformation, and for an event whose claims cannot be read: shown, as tampered, not followed. */
        static Transformation of(Optional<EventClaims> claims) {
            return claims.filter(EventClaims::isTransformation).map(c -> new Transformation(
                    identifiers(c, IdentifierRole.INPUTS), identifiers(c, IdentifierRole.OUTPUTS))).orElse(NONE);
        }

        /** Classes before instances: the order in which the walk follows a transformation's inputs. */
        private static List<String> identifiers(EventClaims claims, Set<IdentifierRole> roles) {
            return claims.lines(roles).stream().sorted(Comparator.comparing(line -> !line.role().quantity))
                    .map(EventClaims.Line::identifier).toList();
        }
    }

    /**
     * Whether a lot is recalled: its batch is marked so, or an event its recorder was entitled to record recalls it
     * (a regulator's or its maker's; a third party's claim does not).
     */
    @Transactional
    public boolean isRecalled(Product product, String lot) {
        if (Batch.findByProductAndLot(product, lot).filter(b -> b.status == Batch.Status.RECALLED).isPresent()) {
            return true;
        }
        String lotLink = DigitalLink.lot(product.gtin, lot).toUri();
        List<EpcisEvent> recalls = EpcisEvent.listNaming(lotLink).stream()
                .filter(event -> RECALLED.equals(Vocabulary.bareTerm(event.disposition))
                        && event.claims().filter(claims -> claims.names(lotLink)).isPresent()).toList();
        return !recalls.isEmpty() && claimChecks.check(recalls).values().stream().anyMatch(List::isEmpty);
    }

    /** The journey of a lot, or empty when nothing is known of it (no batch, no event). */
    @Transactional
    public Optional<Journey> journey(Product product, String lot) {
        return journey(product, lot, DigitalLink.lot(product.gtin, lot), Batch.findByProductAndLot(product, lot));
    }

    /** The journey of a serialised item (GTIN + serial), or empty when no event names it. */
    @Transactional
    public Optional<Journey> itemJourney(Product product, String serial) {
        return journey(product, null, DigitalLink.item(product.gtin, serial), Optional.empty());
    }

    private Optional<Journey> journey(Product product, String lot, DigitalLink subject, Optional<Batch> batch) {
        // a page only reads: no snapshots for dirty checking, no flushes before each query
        Session session = EpcisEvent.getEntityManager().unwrap(Session.class);
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
        Members members = Members.load(); // first: the events' and sites' organisations are then at hand
        Collected collected = collect(new Item(subject.toUri(), 0, null));
        if (batch.isEmpty() && collected.history().isEmpty() && collected.claims().isEmpty()) {
            return Optional.empty();
        }
        List<Found> all = new ArrayList<>(collected.history().values());
        all.addAll(collected.claims().values());
        Map<Long, Verifier.Verified> verified = verifier.verify(all.stream().map(Found::event).toList());
        Map<String, Site> sites = Places.sites(all.stream().map(f -> f.event().readPoint).toList());
        Map<String, String> lotNames = lotNames(all);
        List<Journey.Step> steps = steps(collected.history(), sites, verified, members, lotNames);
        List<Journey.Step> claims = steps(collected.claims(), sites, verified, members, lotNames);
        // the bundle the page embeds holds the very entries verified above, of the lot's history
        List<BundleEvent> proofs = steps.stream().map(step -> verified.get(step.id()).bundled()).filter(Objects::nonNull)
                .toList();
        Journey.Place origin = batch.map(b -> place(b.site)).orElse(null);
        boolean recalled = batch.filter(b -> b.status == Batch.Status.RECALLED).isPresent() || collected.history().values()
                .stream().anyMatch(f -> f.item().depth() == 0 && RECALLED.equals(Vocabulary.bareTerm(f.event().disposition)));
        Journey.Temperatures temperatures = lot == null ? null : temperatures(subject.toUri(), verified);
        Journey.Read read = new Journey.Read(collected.identifiers().stream().sorted().toList(),
                collected.read().stream().sorted().toList(), List.copyOf(verified.keySet()));
        return Optional.of(new Journey(subject, product.gtin, lot, product, batch.orElse(null), origin, steps, claims,
                verdict(steps), LocatorMap.of(steps, origin), proofs, recalled, temperatures, read,
                settled(verified.values(), temperatures)));
    }

    /**
     * Whether every event verified is VERIFIED against a FINAL root, and no device measured the lot (signed readings
     * are checked at each visit).
     */
    private static boolean settled(Collection<Verifier.Verified> verified, Journey.Temperatures temperatures) {
        return temperatures == null && !verified.isEmpty() && verified.stream().allMatch(v -> v.entry() != null
                && v.entry().device() == null && v.verification().outcome() == Outcome.VERIFIED
                && v.entry().status() == AnchoringStatus.FINAL);
    }

    /**
     * The lot's own temperature record, its devices verified when every event recording their readings is (those
     * events are in its history, so they were verified with it).
     */
    private Journey.Temperatures temperatures(String lot, Map<Long, Verifier.Verified> verified) {
        return temperatures(TemperatureRecord.of(lot), verified);
    }

    /** A lot's temperature record alone (for its chart), its readings' events verified; empty when none was measured. */
    @Transactional
    public Optional<Journey.Temperatures> temperatures(String lot) {
        TemperatureRecord record = TemperatureRecord.of(lot);
        List<Long> ids = record.series().stream().flatMap(series -> series.eventIds().stream()).distinct().toList();
        return Optional.ofNullable(temperatures(record, verifier.verify(EpcisEvent.<EpcisEvent>list("id in ?1", ids))));
    }

    private Journey.Temperatures temperatures(TemperatureRecord record, Map<Long, Verifier.Verified> verified) {
        if (record.isEmpty()) {
            return null;
        }
        Set<Long> verifiedDevices = record.series().stream()
                .filter(series -> series.eventIds().stream().allMatch(id -> verified.containsKey(id)
                        && verified.get(id).verification().outcome() == Outcome.VERIFIED))
                .map(series -> series.device().id).collect(Collectors.toSet());
        return new Journey.Temperatures(record, verifiedDevices, ZoneId.of(epcis.siteTimeZone()));
    }

    private List<Journey.Step> steps(Map<Long, Found> found, Map<String, Site> sites, Map<Long, Verifier.Verified> verified,
            Members members, Map<String, String> lotNames) {
        return found.values().stream()
                .sorted(Comparator.comparing((Found f) -> f.event().eventTime).thenComparing(f -> f.event().id))
                .map(f -> step(f, sites, verified.get(f.event().id).verification(), members, lotNames)).toList();
    }

    /**
     * The lot's ancestry: its own events, and for each input of a transformation that made it, that input's
     * history up to the point it was used, recursively. Transformations that only used an item (what else was
     * made from it) are none of its ancestry; events whose recorders were not entitled to record them are set
     * apart as third-party claims and not followed.
     */
    private Collected collect(Item subject) {
        Map<String, List<EpcisEvent>> naming = EpcisEvent.listNamingUpstream(subject.digitalLink(), config.maxUpstreamDepth());
        List<EpcisEvent> read = naming.values().stream().flatMap(List::stream).distinct().toList();
        Collected collected = new Collected(new LinkedHashMap<>(), new LinkedHashMap<>(), naming.keySet(),
                read.stream().map(event -> event.id).collect(Collectors.toSet()));
        Map<Long, List<Violation>> violations = claimChecks.check(read);
        Set<String> seen = new HashSet<>();
        // an event comes up once for each item of the walk it names: read once
        Map<Long, Optional<EventClaims>> claimsOf = new HashMap<>();
        Deque<Item> items = new ArrayDeque<>(List.of(subject));
        while (!items.isEmpty()) {
            Item item = items.removeFirst();
            if (!seen.add(item.digitalLink())) {
                continue;
            }
            for (EpcisEvent event : naming.getOrDefault(item.digitalLink(), List.of())) {
                if (!item.before(event)) {
                    continue;
                }
                // found by the identifiers' index, which anyone with the database can write to: the event itself says
                // what it is about (one that cannot be read is shown, as tampered)
                Optional<EventClaims> claims = claimsOf.computeIfAbsent(event.id, id -> event.claims());
                if (claims.filter(c -> !c.names(item.digitalLink())).isPresent()) {
                    continue;
                }
                Transformation transformation = Transformation.of(claims);
                boolean madeIt = transformation.outputs().contains(item.digitalLink());
                if (transformation != Transformation.NONE && !madeIt) {
                    continue; // it used the item to make something else: downstream, not ancestry
                }
                Found found = new Found(event, item, transformation.outputs(), violations.getOrDefault(event.id, List.of()));
                if (!found.violations().isEmpty()) {
                    collected.claims().putIfAbsent(event.id, found);
                    continue;
                }
                collected.history().putIfAbsent(event.id, found);
                if (madeIt && item.depth() < config.maxUpstreamDepth()) {
                    transformation.inputs().forEach(input -> items.addLast(new Item(input, item.depth() + 1, event)));
                }
            }
        }
        return collected;
    }

    private Journey.Step step(Found found, Map<String, Site> sites, Verification verification, Members members,
            Map<String, String> lotNames) {
        EpcisEvent event = found.event();
        Site site = event.readPoint == null ? null : sites.get(event.readPoint);
        String made = found.outputs().stream().findFirst().map(output -> label(output, lotNames)).orElse(null);
        Violation broken = found.violations().isEmpty() ? null : found.violations().get(0);
        return new Journey.Step(event.id, event.eventId, event.hash, event.prehash, event.eventType,
                Vocabulary.bareTerm(event.bizStep), label(found.item().digitalLink(), lotNames), found.item().depth() > 0,
                made, event.eventTime,
                event.eventTimeZoneOffset, site == null ? null : place(site), event.readPoint,
                event.organization == null ? null : event.organization.name,
                members.ownerOf(found.item().digitalLink()).isPresent(), broken == null ? null : broken.rule().code,
                verification);
    }

    /**
     * "Milk bread loaf 800 g · lot B20261120" for each lot's Digital Link the found events concern or made
     * ("… · serial …" for an item; the identifier itself when it is no GTIN's), with one query for the names.
     */
    private static Map<String, String> lotNames(List<Found> found) {
        Map<String, DigitalLink> links = new HashMap<>();
        found.stream().flatMap(f -> Stream.concat(Stream.of(f.item().digitalLink()), f.outputs().stream())).distinct()
                .forEach(id -> DigitalLink.parse(id, DigitalLinkKey.GTIN).ifPresent(link -> links.put(id, link)));
        Map<String, String> products = Product.namesByGtin(
                links.values().stream().map(DigitalLink::keyValue).collect(Collectors.toSet()));
        Map<String, String> names = new HashMap<>();
        links.forEach((id, link) -> names.put(id, products.getOrDefault(link.keyValue(), "GTIN " + link.keyValue())
                + link.qualifiers().stream().filter(q -> q.ai().equals("10") || q.ai().equals("21"))
                        .map(q -> (q.ai().equals("10") ? " · lot " : " · serial ") + q.value()).findFirst().orElse("")));
        return names;
    }

    private static String label(String identifier, Map<String, String> lotNames) {
        return lotNames.getOrDefault(identifier, identifier);
    }

    private static Journey.Place place(Site site) {
        return new Journey.Place(site.name, site.city, site.organization.name, site.latitude, site.longitude);
    }

    /** The worst outcome of the steps; PENDING while there are none. */
    private static Outcome verdict(List<Journey.Step> steps) {
        return steps.isEmpty() ? Outcome.PENDING
                : steps.stream().map(step -> step.verification().outcome()).reduce(Outcome.VERIFIED, Outcome::worse);
    }
}
