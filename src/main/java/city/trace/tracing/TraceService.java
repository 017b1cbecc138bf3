package city.trace.tracing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;

import org.hibernate.FlushMode;
import org.hibernate.Session;

import city.trace.batch.Batch;
import city.trace.custody.ClaimChecks;
import city.trace.custody.Violation;
import city.trace.epcis.EpcisEvent;
import city.trace.epcis.EventClaims;
import city.trace.epcis.IdentifierRole;
import city.trace.epcis.QueryScope;
import city.trace.epcis.hash.CanonicalValues;
import city.trace.epcis.hash.InvalidEventException;
import city.trace.gs1.DigitalLink;
import city.trace.gs1.EpcUrn;
import city.trace.org.Members;
import city.trace.proof.Outcome;
import city.trace.site.Places;
import city.trace.site.Site;
import city.trace.verify.Verification;
import city.trace.verify.Verifier;

/**
 * Walks from identifiers through the events that link them (transformations, packing), one level of the graph a
 * query, to every identifier reached: any depth, each identifier once, so cycles end. Only events the member may
 * see are shown or followed, and only those their recorders were entitled to record are followed.
 */
@ApplicationScoped
public class TraceService {

    @Inject
    ClaimChecks claimChecks;

    @Inject
    Verifier verifier;

    @Inject
    TraceConfig config;

    /** How many events are read and verified at a time. */
    private static final int VERIFIED_PAGE = 500;
    /**
     * Identifiers of a level whose events are read at once: a salt lot's next level holds 10,000 bread lots named
     * by ~100,000 events, more stored rows than a 256 MB heap holds at one time.
     */
    private static final int LEVEL_BATCH = 1000;

    private static final Comparator<Read> OLDEST_FIRST = Comparator.comparing(Read::eventTime).thenComparing(Read::id);

    /** Traces being made now: at most {@link TraceConfig#maxConcurrent()}. */
    private Semaphore running;

    @PostConstruct
    void limitConcurrentTraces() {
        running = new Semaphore(config.maxConcurrent(), true);
    }

    /**
     * An event read for the trace: what the walk and the outline need of what it says, and the rules it breaks (none
     * for the history); not the stored row, nor all it says, which a walk through 100,000 events does not keep (a
     * trace lists the rest from the rows it verifies).
     *
     * @param names  each identifier it names, with the list it is in
     * @param claims all it says, kept only for a claim that breaks a rule (shown apart, never verified)
     */
    private record Read(long id, String eventId, Instant eventTime, String recordedBy, String location,
            boolean transformation, boolean links, List<Named> names, List<Violation> violations, EventClaims claims) {

        Set<String> named(Collection<IdentifierRole> roles) {
            return names.stream().filter(n -> roles.contains(n.role())).map(Named::identifier)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }

        Set<String> named() {
            return names.stream().map(Named::identifier).collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }

    private record Named(IdentifierRole role, String identifier) {
    }

    /**
     * One instance of each text a walk keeps many times over (the lots, places and members its events name): a
     * salt lot's forward walk reads 100,000 events, each naming it or a few places again.
     */
    private static final class Texts {
        private final Map<String, String> kept = new HashMap<>();

        String of(String text) {
            return text == null ? null : kept.computeIfAbsent(text, t -> t);
        }
    }

    /**
     * The identifiers a trace starts from, as a person typed them or a URL holds them: a Digital Link (any domain),
     * an EPC URN, or an event ID — then every identifier that event names, if the member may see it.
     */
    @Transactional
    public List<String> start(String text, QueryScope scope) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            throw new BadRequestException("Enter a lot's Digital Link (…/01/{GTIN}/10/{lot}), an EPC URN or an event ID");
        }
        if (value.startsWith("http") || EpcUrn.isEpcUrn(value)) {
            try {
                String identifier = new CanonicalValues(Map.of()).identifier(value);
                if (!identifier.equals(value) || DigitalLink.parse(value).isPresent()) {
                    return List.of(identifier);
                }
            } catch (InvalidEventException e) {
                throw new BadRequestException(value + " is no valid identifier: " + e.getMessage());
            }
        }
        NotFoundException unknown = new NotFoundException("Nothing you may see is recorded as " + value
                + ": no event has this ID, and it is no Digital Link or EPC URN");
        EpcisEvent event = EpcisEvent.findByEventId(value).orElseThrow(() -> unknown);
        EventClaims claims = event.claims().filter(c -> scope.includes(event, c)).orElseThrow(() -> unknown);
        return claims.lines().stream().map(EventClaims.Line::identifier).distinct().toList();
    }

    /**
     * The trace: every identifier reached, the links, and the events shown for them, verified. Its own transaction,
     * since it empties the persistence context after each batch of 1,000 identifiers of the walk and each page of
     * events verified: a trace of 100,000 events holds what it shows, not every stored row it read.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Trace trace(List<String> start, Direction direction, QueryScope scope) {
        return walkedAlone(start, direction, scope, (walk, session) -> assemble(start, direction, walk, session));
    }

    /**
     * The trace's outline, nothing verified, for an export that reads and verifies the events a page at a time. Its
     * own transaction, as {@link #trace}'s.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outline outline(List<String> start, Direction direction, QueryScope scope) {
        return walkedAlone(start, direction, scope, (walk, session) -> {
            List<Read> events = walk.shown().stream().map(walk.read()::get).sorted(OLDEST_FIRST).toList();
            return outline(start, direction, walk, events, Places.sites(events.stream().map(Read::location).toList()));
        });
    }

    /**
     * What {@code then} makes of the walk through the events a trace shows, as one of at most
     * {@link TraceConfig#maxConcurrent()} at a time, the persistence context emptied after each batch of a level.
     */
    private <T> T walkedAlone(List<String> start, Direction direction, QueryScope scope,
            BiFunction<Walk, Session, T> then) {
        running.acquireUninterruptibly();
        try {
            Session session = EpcisEvent.getEntityManager().unwrap(Session.class);
            return then.apply(walk(start, direction, scope, direction.read, session::clear), session);
        } finally {
            running.release();
        }
    }

    /**
     * Every identifier reached from {@code start} (itself included), by distance; nothing verified. Only the
     * events that may lead on are read (those naming a reached identifier in a role the walk goes on from), not
     * the steps of each identifier itself: a recall of a salt lot in 10,000 bread lots reads their 10,000
     * transformations, not their 100,000 shipments and sales.
     */
    @Transactional
    public Map<String, Integer> reach(List<String> start, Direction direction, QueryScope scope) {
        return walk(start, direction, scope, direction.from, () -> { }).distance();
    }

    /** What a walk found: identifiers by distance, the events read, those shown, and the links. */
    private record Walk(Map<String, Integer> distance, Map<Long, Read> read, Set<Long> shown, Set<Trace.Link> links,
            boolean truncated) {
    }

    /**
     * The walk, reading the events that name a reached identifier in one of {@code roles}; {@code batchRead} runs
     * after the events of each batch of a level's identifiers are read.
     */
    private Walk walk(List<String> start, Direction direction, QueryScope scope, Set<IdentifierRole> roles,
            Runnable batchRead) {
        // a walk only reads: no snapshots for dirty checking, no flushes before each query (restored for the
        // caller's transaction, which may write)
        Session session = EpcisEvent.getEntityManager().unwrap(Session.class);
        boolean readOnly = session.isDefaultReadOnly();
        FlushMode flushMode = session.getHibernateFlushMode();
        session.flush();
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
        try {
            return walkLevels(start, direction, scope, roles, batchRead);
        } finally {
            session.setDefaultReadOnly(readOnly);
            session.setHibernateFlushMode(flushMode);
        }
    }

    private Walk walkLevels(List<String> start, Direction direction, QueryScope scope, Set<IdentifierRole> roles,
            Runnable batchRead) {
        Map<String, Integer> distance = new LinkedHashMap<>();
        start.forEach(id -> distance.putIfAbsent(id, 0));
        Map<Long, Read> read = new HashMap<>();
        Texts texts = new Texts();
        Set<Long> shown = new LinkedHashSet<>();
        Set<Trace.Link> links = new LinkedHashSet<>();
        boolean truncated = false;
        List<String> frontier = List.copyOf(distance.keySet());
        for (int level = 0; !frontier.isEmpty() && !truncated; level++) {
            Set<String> reached = new HashSet<>(frontier);
            List<String> next = new ArrayList<>();
            for (int from = 0; from < frontier.size(); from += LEVEL_BATCH) {
                List<String> batch = frontier.subList(from, Math.min(frontier.size(), from + LEVEL_BATCH));
                for (Read event : read(EpcisEvent.listNamingAny(batch, roles), read, scope, texts)) {
                    truncated |= follow(event, direction, level, reached, distance, next, shown, links);
                }
                batchRead.run();
            }
            frontier = next;
        }
        return new Walk(distance, read, shown, links, truncated);
    }

    /**
     * Takes one event of a level into the walk: shown when it is a step of a reached identifier or links one onward,
     * and the identifiers it leads to become the next level's. Returns whether the walk reached its node limit.
     */
    private boolean follow(Read event, Direction direction, int level, Set<String> reached,
            Map<String, Integer> distance, List<String> next, Set<Long> shown, Set<Trace.Link> links) {
        if (!event.violations().isEmpty()) {
            return false; // a claim: shown apart, never followed
        }
        if (!event.links()) {
            if (event.named().stream().anyMatch(reached::contains)) {
                shown.add(event.id()); // a step of the identifier itself: made, moved, seen
            } // else filed under it in the identifiers' index, which anyone with the database can write to
            return false;
        }
        Set<String> from = event.named(direction.from);
        from.retainAll(reached);
        if (from.isEmpty()) {
            return false; // it links the identifier the other way
        }
        shown.add(event.id());
        boolean truncated = false;
        for (String to : event.named(direction.to)) {
            if (!distance.containsKey(to)) {
                if (distance.size() >= config.maxNodes()) {
                    truncated = true;
                    continue;
                }
                distance.put(to, level + 1);
                next.add(to);
            }
            from.forEach(f -> links.add(direction == Direction.BACKWARD
                    ? new Trace.Link(to, f, event.eventId(), kind(event))
                    : new Trace.Link(f, to, event.eventId(), kind(event))));
        }
        return truncated;
    }

    /**
     * The readable events of a level that the member may see, each read and judged once: events seen at an earlier
     * level come again when they name an identifier reached since.
     */
    private List<Read> read(List<EpcisEvent> naming, Map<Long, Read> read, QueryScope scope, Texts texts) {
        List<EpcisEvent> unread = new ArrayList<>();
        for (EpcisEvent event : naming) {
            if (!read.containsKey(event.id)) {
                unread.add(event);
            }
        }
        Map<EpcisEvent, EventClaims> visible = new LinkedHashMap<>();
        // an unreadable event names nothing a trace could follow; the sweep and the event's pages report it
        unread.forEach(event -> event.claims().filter(claims -> scope.includes(event, claims))
                .ifPresent(claims -> visible.put(event, claims)));
        Map<Long, List<Violation>> violations = claimChecks.check(visible.keySet());
        visible.forEach((event, claims) -> {
            List<Violation> broken = violations.getOrDefault(event.id, List.of());
            List<Named> named = claims.lines().stream().map(line -> new Named(line.role(), texts.of(line.identifier())))
                    .distinct().toList();
            boolean links = claims.isTransformation()
                    || ("AggregationEvent".equals(claims.type()) && !"DELETE".equals(claims.action()));
            read.put(event.id, new Read(event.id, event.eventId, event.eventTime,
                    texts.of(event.organization == null ? null : event.organization.name), texts.of(claims.location()),
                    claims.isTransformation(), links, named, broken, broken.isEmpty() ? null : claims));
        });
        return naming.stream().map(event -> read.get(event.id)).filter(Objects::nonNull).toList();
    }

    private static String kind(Read event) {
        return event.transformation() ? "transformation" : "aggregation";
    }

    private Trace assemble(List<String> start, Direction direction, Walk walk, Session session) {
        Map<String, Integer> distance = walk.distance();
        List<Read> events = walk.shown().stream().map(walk.read()::get).sorted(OLDEST_FIRST).toList();
        List<Read> listed = events.subList(0, Math.min(events.size(), config.maxListedEvents()));
        List<Read> claims = walk.read().values().stream().filter(r -> !r.violations().isEmpty())
                .filter(r -> r.named().stream().anyMatch(distance::containsKey)).sorted(OLDEST_FIRST)
                .limit(config.maxListedEvents()).toList();
        List<String> places = new ArrayList<>();
        events.forEach(r -> places.add(r.location()));
        claims.forEach(r -> {
            places.add(r.location());
            places.addAll(parties(r.claims()));
        });
        Map<String, Site> sites = new HashMap<>(Places.sites(places));
        // drawn before the pages of events empty the persistence context, which the sites' members are in
        Outline outline = outline(start, direction, walk, events, sites);
        Map<String, Outcome> outcomes = new HashMap<>();
        List<Trace.Step> steps = new ArrayList<>();
        for (int from = 0; from < events.size(); from += VERIFIED_PAGE) {
            List<Read> page = events.subList(from, Math.min(events.size(), from + VERIFIED_PAGE));
            Map<Long, EpcisEvent> rows = rows(page);
            Map<Long, Verifier.Verified> verified = verifier.verify(page.stream().map(r -> rows.get(r.id())).toList());
            if (steps.size() < listed.size()) {
                // the sources and destinations the listed steps show, as the rows verified name them
                List<String> parties = verified.values().stream().flatMap(v -> parties(v.claims()).stream())
                        .filter(party -> !sites.containsKey(party)).distinct().toList();
                sites.putAll(Places.sites(parties));
            }
            for (Read r : page) {
                Verifier.Verified its = verified.get(r.id());
                outcomes.put(r.eventId(), its.verification().outcome());
                if (steps.size() < listed.size()) {
                    steps.add(step(r, its.event(), its.claims(), sites, distance, its.verification()));
                }
            }
            session.clear(); // a page verified: only its steps stay
        }
        Map<Long, EpcisEvent> claimRows = rows(claims);
        List<Trace.Step> claimSteps = claims.stream()
                .map(r -> step(r, claimRows.get(r.id()), r.claims(), sites, distance, null)).toList();
        Outline verified = outline.verified(outcomes);
        return new Trace(start, direction, verified.nodes(), verified.links(), steps, events.size(), claimSteps,
                walk.truncated());
    }

    /**
     * The stored rows of these events, by database id, in one query: read by eventID, a row whose eventID was
     * edited behind the app's back since the walk would be missing, where by id it is verified (and found out).
     */
    private static Map<Long, EpcisEvent> rows(List<Read> events) {
        Map<Long, EpcisEvent> rows = new HashMap<>();
        EpcisEvent.listByIds(events.stream().map(Read::id).toList()).forEach(row -> rows.put(row.id, row));
        return rows;
    }

    /** The outline of a walk whose shown events are these, oldest first, at these sites. */
    private Outline outline(List<String> start, Direction direction, Walk walk, List<Read> events, Map<String, Site> sites) {
        Map<String, Integer> distance = walk.distance();
        Members members = Members.load();
        Map<String, String> labels = Identifiers.labels(distance.keySet());
        Map<String, Batch> batches = Batch.byLotLinks(distance.keySet());
        Map<String, List<Read>> byIdentifier = new HashMap<>();
        events.forEach(r -> r.named().forEach(id -> byIdentifier.computeIfAbsent(id, k -> new ArrayList<>()).add(r)));
        Map<String, List<String>> eventIdsOf = new HashMap<>();
        List<Trace.Node> nodes = distance.entrySet().stream().map(entry -> {
            String id = entry.getKey();
            List<Read> its = byIdentifier.getOrDefault(id, List.of());
            eventIdsOf.put(id, its.stream().map(Read::eventId).toList());
            Set<String> organizations = new LinkedHashSet<>();
            Set<String> cities = new LinkedHashSet<>();
            for (Read r : its) {
                Optional.ofNullable(r.recordedBy()).ifPresent(organizations::add);
                Optional.ofNullable(sites.get(r.location())).ifPresent(site -> {
                    organizations.add(site.organization.name);
                    cities.add(site.city);
                });
            }
            Batch batch = batches.get(id);
            return new Trace.Node(id, labels.getOrDefault(id, id), Identifiers.kind(id), entry.getValue(),
                    members.ownerOf(id).map(org -> org.name).orElse(null), List.copyOf(organizations), List.copyOf(cities),
                    batch != null && batch.status == Batch.Status.RECALLED, null);
        }).toList();
        List<Trace.Link> known = walk.links().stream()
                .filter(link -> distance.containsKey(link.from()) && distance.containsKey(link.to())).toList();
        return new Outline(start, direction, nodes, known, events.stream().map(Read::eventId).toList(), eventIdsOf,
                walk.truncated());
    }

    /** The sources and destinations an event names (none when it cannot be read). */
    private static List<String> parties(EventClaims claims) {
        return claims == null ? List.of() : Stream.concat(claims.sources().stream(), claims.destinations().stream())
                .map(EventClaims.Party::id).toList();
    }

    /** A step as the row shown says it ({@code claims}: what its event says, null when it cannot be read). */
    private static Trace.Step step(Read read, EpcisEvent event, EventClaims claims, Map<String, Site> sites,
            Map<String, Integer> traced, Verification verification) {
        Optional<EventClaims> says = Optional.ofNullable(claims);
        Site site = sites.get(read.location());
        return new Trace.Step(event.eventId, event.hash, event.eventType, event.action,
                says.map(EventClaims::bizStep).orElse(null), says.map(EventClaims::disposition).orElse(null),
                event.eventTime, event.eventTimeZoneOffset, site != null ? site.name : read.location(),
                site != null ? site.city : null, read.recordedBy(),
                parties(says.map(EventClaims::sources).orElse(List.of()), sites),
                parties(says.map(EventClaims::destinations).orElse(List.of()), sites),
                says.map(c -> c.bizTransactions().stream().map(EventClaims.Party::id).toList()).orElse(List.of()),
                read.named().stream().filter(traced::containsKey).toList(),
                read.violations().isEmpty() ? null : read.violations().get(0).rule().code, verification);
    }

    /** "Korenaar fields, Delft" for a member's site, else the party's identifier. */
    private static List<String> parties(List<EventClaims.Party> parties, Map<String, Site> sites) {
        return parties.stream().map(party -> Optional.ofNullable(sites.get(party.id()))
                .map(site -> site.name + ", " + site.city).orElse(party.id())).distinct().toList();
    }
}
