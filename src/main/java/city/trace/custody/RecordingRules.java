package city.trace.custody;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import city.trace.epcis.EventClaims;
import city.trace.epcis.EventClaims.Line;
import city.trace.epcis.IdentifierRole;
import city.trace.gs1.DigitalLink;
import city.trace.org.Organization;

/**
 * Who may record what, and what each event does to stock (README, "Who may record what"). Events are judged
 * one after the other against {@link Holdings} that each allowed event then moves, so a document's events see
 * those before them, and a replay of all events in order rebuilds the same stock.
 * <ul>
 * <li>{@link Rule#LOT_OWNER}: commissioning, ADD/DELETE, ILMD, destroying, decommissioning, recalls and a
 * transformation's outputs only by the owner of the identifier's company prefix or its delegate; a recall alone
 * (an observation with disposition recalled) also by a regulator;</li>
 * <li>{@link Rule#MOVEMENT_PARTY}: other events about a member's goods only by a party: the owner, a holder
 * (at a site, carrying it or receiving it), a party to a shipment of it, or for an instance an organisation
 * at whose site earlier events saw it;</li>
 * <li>{@link Rule#INPUT_HOLDER}: a transformation's inputs only from what the recorder holds;</li>
 * <li>{@link Rule#LOCATION_OWNER}: at another member's site only as a party to a movement of goods;</li>
 * <li>{@link Rule#STOCK} and {@link Rule#UNIT}: quantities add up.</li>
 * </ul>
 * Identifiers no member's prefix starts (goods from outside the consortium) may be named by any member; such
 * claims are the recorder's own.
 */
public final class RecordingRules {

    private static final Set<String> CHANGE_STEPS = Set.of("commissioning", "decommissioning", "destroying");
    private static final Set<String> CHANGE_DISPOSITIONS = Set.of("destroyed", "disposed", "recalled");
    private static final Set<String> REMOVING_STEPS = Set.of("decommissioning", "destroying");
    private static final Set<String> REMOVING_DISPOSITIONS = Set.of("destroyed", "disposed");
    private static final Set<String> DEPARTING_STEPS = Set.of("shipping", "departing");
    private static final Set<String> ARRIVING_STEPS = Set.of("receiving", "arriving");
    private static final Set<String> MOVEMENT_STEPS = Set.of("shipping", "departing", "receiving", "arriving",
            "loading", "unloading", "transporting", "accepting");
    /** The business transaction types that name a shipment, in the order they are looked for. */
    static final List<String> SHIPMENT_TRANSACTIONS = List.of("desadv", "bol");

    /** What an event does to stock, if anything: only these events move it. */
    public enum StockEffect {
        NONE, TRANSFORM, ADD, REMOVE, DEPART, ARRIVE;

        public static StockEffect of(EventClaims event) {
            if (event.isTransformation()) {
                return TRANSFORM;
            }
            if (!"ObjectEvent".equals(event.type())) {
                return NONE;
            }
            if ("ADD".equals(event.action())) {
                return ADD;
            }
            if ("DELETE".equals(event.action()) || is(REMOVING_STEPS, event.bizStep())
                    || is(REMOVING_DISPOSITIONS, event.disposition())) {
                return REMOVE;
            }
            if (is(DEPARTING_STEPS, event.bizStep())) {
                return DEPART;
            }
            return is(ARRIVING_STEPS, event.bizStep()) ? ARRIVE : NONE;
        }
    }

    private final Records records;
    private final Holdings holdings;

    public RecordingRules(Records records, Holdings holdings) {
        this.records = records;
        this.holdings = holdings;
    }

    /** Whether a code list value (null when absent) is one of a set: immutable sets refuse to look for null. */
    private static boolean is(Set<String> values, String value) {
        return value != null && values.contains(value);
    }

    /**
     * Judges one event of {@code recorder}, and the delegation it declares, if any; when it may be recorded, its
     * movements are applied to the holdings.
     */
    public Decision decide(Organization recorder, EventClaims event, Optional<DelegationClaim> delegation) {
        List<Violation> delegating = delegation.map(d -> delegationProblems(recorder, d)).orElse(List.of());
        if (!delegating.isEmpty()) {
            return new Decision(delegating, List.of());
        }
        Judgement judgement = new Judgement(recorder.id, event);
        judgement.judge();
        if (judgement.violations.isEmpty()) {
            holdings.applyAll(judgement.movements);
            return new Decision(List.of(), List.copyOf(judgement.movements));
        }
        return new Decision(List.copyOf(judgement.violations), List.of());
    }

    /** A delegation comes from the product's owner and names another member. */
    private List<Violation> delegationProblems(Organization recorder, DelegationClaim claim) {
        Optional<Organization> owner = records.members().ownerOf(claim.productClass());
        if (owner.isEmpty() || !owner.get().id.equals(recorder.id)) {
            return List.of(new Violation(Rule.LOT_OWNER, "/quantityList/0", "only the owner of " + claim.productClass()
                    + " may delegate recording its lots"));
        }
        Optional<Organization> delegate = records.members().byPrefix(claim.delegatePrefix());
        if (delegate.isEmpty() || delegate.get().id.equals(recorder.id)) {
            return List.of(new Violation(Rule.LOT_OWNER, "", "the delegate " + claim.delegatePrefix()
                    + " must be the GS1 company prefix of another member"));
        }
        return List.of();
    }

    /** The judging of one event: its violations and, while there are none, its movements. */
    private final class Judgement {
        private final long recorder;
        private final EventClaims event;
        private final List<Violation> violations = new ArrayList<>();
        private final List<Movement> movements = new ArrayList<>();
        /** What this event takes and gives so far, before it is applied to the holdings. */
        private final Holdings pending = Holdings.empty();

        Judgement(long recorder, EventClaims event) {
            this.recorder = recorder;
            this.event = event;
        }

        void judge() {
            boolean movement = is(MOVEMENT_STEPS, event.bizStep()) || !event.sources().isEmpty()
                    || !event.destinations().isEmpty();
            locations(movement);
            if (event.isTransformation()) {
                event.lines(IdentifierRole.OUTPUTS).forEach(this::ownerOnly);
                event.lines(IdentifierRole.INPUTS).forEach(this::heldInput);
            } else if (changes()) {
                event.lines().forEach(this::ownerOnly);
            } else {
                event.lines().forEach(this::partyOnly);
            }
            if (violations.isEmpty()) {
                stock();
            }
        }

        /** Whether the event creates, changes or ends what it names rather than observing or moving it. */
        private boolean changes() {
            return ("ObjectEvent".equals(event.type()) && ("ADD".equals(event.action()) || "DELETE".equals(event.action())))
                    || is(CHANGE_STEPS, event.bizStep()) || is(CHANGE_DISPOSITIONS, event.disposition())
                    || event.hasIlmd();
        }

        private void locations(boolean movement) {
            checkLocation(event.readPoint(), "/readPoint/id", movement);
            if (!Objects.equals(event.bizLocation(), event.readPoint())) {
                checkLocation(event.bizLocation(), "/bizLocation/id", movement);
            }
        }

        private void checkLocation(String location, String pointer, boolean movement) {
            Optional<Organization> owner = location == null ? Optional.empty() : records.members().ownerOf(location);
            if (owner.isEmpty() || owner.get().id == recorder) {
                return;
            }
            List<Line> members = event.lines().stream().filter(l -> records.ownerOf(l.identifier()).isPresent()).toList();
            boolean party = movement && !members.isEmpty() && members.stream().allMatch(l -> isParty(l.identifier()));
            if (!party) {
                violations.add(new Violation(Rule.LOCATION_OWNER, pointer, location + " is a site of " + owner.get().name
                        + ": only " + owner.get().name + " records events there, or the parties to a movement of goods"));
            }
        }

        /** An observation that recalls what it names and changes nothing else: a regulator's to make too. */
        private boolean recallOnly() {
            return "ObjectEvent".equals(event.type()) && "OBSERVE".equals(event.action())
                    && "recalled".equals(event.disposition()) && !is(CHANGE_STEPS, event.bizStep()) && !event.hasIlmd();
        }

        private void ownerOnly(Line line) {
            Optional<Organization> owner = records.members().ownerOf(line.identifier());
            if (owner.isPresent() && owner.get().id != recorder
                    && !records.delegations().allows(recorder, line.identifier())
                    && !(recallOnly() && records.members().isRegulator(recorder))) {
                violations.add(new Violation(Rule.LOT_OWNER, line.pointer(), "only " + owner.get().name
                        + ", which owns GS1 company prefix " + owner.get().gs1CompanyPrefix
                        + ", or an organisation it delegated to, may commission, make, change or destroy "
                        + line.identifier()));
            }
        }

        private void partyOnly(Line line) {
            if (records.ownerOf(line.identifier()).isPresent() && !isParty(line.identifier())) {
                violations.add(new Violation(Rule.MOVEMENT_PARTY, line.pointer(), "your organisation is no party to "
                        + line.identifier() + ": it neither owns, holds, ships, carries nor receives it"));
            }
        }

        private void heldInput(Line line) {
            if (records.ownerOf(line.identifier()).isEmpty() || isOwner(line.identifier())) {
                return;
            }
            boolean holds = line.role() == IdentifierRole.INPUT ? seenAtRecorder(line.identifier())
                    : holdings.placesHolding(line.identifier()).stream().anyMatch(b -> !Place.isTransit(b.place())
                            && isRecorders(b.place()));
            if (!holds) {
                violations.add(new Violation(Rule.INPUT_HOLDER, line.pointer(), "your organisation holds none of "
                        + line.identifier() + " at its sites"));
            }
        }

        private boolean isOwner(String identifier) {
            return records.ownerOf(identifier).filter(owner -> owner == recorder).isPresent()
                    || records.delegations().allows(recorder, identifier);
        }

        /** The owner, a holder, a party to a shipment of it, or (an instance) where earlier events saw it. */
        private boolean isParty(String identifier) {
            return isOwner(identifier) || holders(identifier).contains(recorder)
                    || records.shipmentParties().getOrDefault(identifier, Set.of()).contains(recorder)
                    || seenAtRecorder(identifier);
        }

        /** Whether earlier events saw an instance at one of the recorder's sites. */
        private boolean seenAtRecorder(String instance) {
            return records.earlierLocations().getOrDefault(instance, Set.of()).stream()
                    .map(records::ownerOf).flatMap(Optional::stream).anyMatch(owner -> owner == recorder);
        }

        private Set<Long> holders(String item) {
            Set<Long> holders = new HashSet<>();
            for (Holdings.Balance balance : holdings.placesHolding(item)) {
                if (balance.holderId() != null) {
                    holders.add(balance.holderId());
                }
                if (balance.destination() != null) {
                    siteOwner(balance.destination()).ifPresent(holders::add);
                }
            }
            return holders;
        }

        // --- what the event does to stock: lots (quantity lists) of members' products only

        private void stock() {
            Optional<String> site = Place.site(event.location());
            switch (StockEffect.of(event)) {
                case TRANSFORM -> {
                    lots(IdentifierRole.INPUT_CLASS).forEach(line -> takeFrom(line, fromRecorder(line, site)));
                    lots(IdentifierRole.OUTPUT_CLASS).forEach(line -> site.ifPresent(place -> give(line, place)));
                }
                case ADD -> lots(IdentifierRole.CLASS).forEach(line -> site.ifPresent(place -> give(line, place)));
                case REMOVE -> lots(IdentifierRole.CLASS).forEach(line -> takeFrom(line, fromRecorder(line, site)));
                case DEPART -> depart();
                case ARRIVE -> arrive(site);
                case NONE -> {
                }
            }
        }

        /** The lots of members' products in a quantity list: what stock is kept of. */
        private List<Line> lots(IdentifierRole role) {
            return event.lines(EnumSet.of(role)).stream().filter(l -> records.ownerOf(l.identifier()).isPresent()).toList();
        }

        /** Goods leave their source (a member's site) and are in transit to their destination. */
        private void depart() {
            String source = EventClaims.first(event.sources(), "location");
            Optional<String> from = Place.site(source != null ? source : event.location());
            Optional<String> to = Place.site(EventClaims.first(event.destinations(), "location"));
            String transaction = shipmentTransaction();
            String transit = transaction != null ? Place.transitUnder(transaction)
                    : Place.transitBetween(from.orElse(source), to.orElse(null));
            Long carrier = carrier(transaction, from);
            boolean fromMember = from.flatMap(this::siteOwner).isPresent();
            for (Line line : lots(IdentifierRole.CLASS)) {
                BigDecimal taken = fromMember || !isOwner(line.identifier()) ? takeFrom(line, from.stream().toList())
                        : quantity(line); // the owner's goods coming from outside the consortium
                if (taken != null && taken.signum() > 0) {
                    add(line.identifier(), transit, carrier, to.orElse(null), taken);
                }
            }
        }

        /** Goods in transit reach a site; goods from outside the consortium only by their owner's word. */
        private void arrive(Optional<String> site) {
            Optional<String> to = site.isPresent() ? site : Place.site(EventClaims.first(event.destinations(), "location"));
            if (to.isEmpty()) {
                return;
            }
            String transaction = shipmentTransaction();
            for (Line line : lots(IdentifierRole.CLASS)) {
                List<Holdings.Balance> transits = holdings.placesHolding(line.identifier()).stream()
                        .filter(b -> Place.isTransit(b.place()))
                        .filter(b -> transaction != null ? b.place().equals(Place.transitUnder(transaction))
                                : to.get().equals(b.destination()))
                        .toList();
                if (transits.isEmpty() && isOwner(line.identifier())) {
                    Optional.ofNullable(quantity(line)).ifPresent(q -> add(line.identifier(), to.get(), null, null, q));
                    continue;
                }
                BigDecimal received = takeFrom(line, transits.stream().map(Holdings.Balance::place).toList());
                if (received != null && received.signum() > 0) {
                    add(line.identifier(), to.get(), null, null, received);
                }
            }
        }

        /** Adds the line's quantity at a place (an amount the event does not give adds nothing). */
        private void give(Line line, String place) {
            BigDecimal quantity = quantity(line);
            if (quantity != null) {
                add(line.identifier(), place, null, null, quantity);
            }
        }

        /** Where a transformation or removal takes from: its site if it is the recorder's, else the recorder's sites. */
        private List<String> fromRecorder(Line line, Optional<String> site) {
            if (site.isPresent() && isRecorders(site.get())) {
                return List.of(site.get());
            }
            return holdings.placesHolding(line.identifier()).stream().map(Holdings.Balance::place)
                    .filter(p -> !Place.isTransit(p) && isRecorders(p)).toList();
        }

        /**
         * Takes the line's quantity (all of it there is, when the event gives none) from the places in order.
         *
         * @return what was taken, in base units, or null after a violation
         */
        private BigDecimal takeFrom(Line line, List<String> places) {
            if (!holdings.knows(line.identifier()) && !pending.knows(line.identifier()) && isOwner(line.identifier())) {
                return quantity(line); // no stock of the lot is recorded here: its owner's word starts its count
            }
            BigDecimal there = places.stream().map(place -> available(line.identifier(), place))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal wanted = line.quantity() == null ? there : quantity(line);
            if (wanted == null) {
                return null;
            }
            if (there.compareTo(wanted) < 0 || (line.quantity() == null && there.signum() == 0)) {
                String unit = holdings.unitOf(line.identifier());
                violations.add(new Violation(Rule.STOCK, line.pointer(), (there.signum() == 0 ? "none" : "only "
                        + there.stripTrailingZeros().toPlainString() + " " + unit) + " of " + line.identifier()
                        + (places.isEmpty() ? " is held by your organisation" : " is at " + describe(places))));
                return null;
            }
            BigDecimal left = wanted;
            for (String place : places) {
                BigDecimal part = available(line.identifier(), place).min(left);
                if (part.signum() > 0) {
                    add(line.identifier(), place, null, null, part.negate());
                    left = left.subtract(part);
                }
            }
            return wanted;
        }

        private BigDecimal available(String item, String place) {
            return holdings.at(item, place).add(pending.at(item, place));
        }

        private void add(String item, String place, Long holder, String destination, BigDecimal quantity) {
            Long holderId = holder != null ? holder : siteOwner(place).orElse(null);
            Movement movement = new Movement(item, place, holderId, destination, quantity, unit(item));
            movements.add(movement);
            pending.apply(movement);
        }

        /** The line's quantity in the lot's base unit, or null (with a violation) when the units do not mix. */
        private BigDecimal quantity(Line line) {
            if (line.quantity() == null) {
                return null;
            }
            Measure measure = Measure.of(line.quantity(), line.uom());
            String unit = unit(line.identifier());
            if (unit != null && !unit.equals(measure.unit())) {
                violations.add(new Violation(Rule.UNIT, line.pointer(), line.identifier() + " is counted in " + unit
                        + "; " + (line.uom() == null ? "a count" : line.uom()) + " cannot be added to it"));
                return null;
            }
            return measure.quantity();
        }

        private String unit(String item) {
            String held = holdings.unitOf(item);
            if (held != null) {
                return held;
            }
            return event.lines().stream().filter(l -> l.identifier().equals(item) && l.quantity() != null)
                    .map(l -> Measure.baseUnit(l.uom())).findFirst().orElse(null);
        }

        /** The business transaction naming the shipment: a despatch advice, else a bill of lading. */
        private String shipmentTransaction() {
            return SHIPMENT_TRANSACTIONS.stream().map(type -> EventClaims.first(event.bizTransactions(), type))
                    .filter(Objects::nonNull).findFirst().orElse(null);
        }

        /** Who carries: the shipment's carrier, a possessing party, else the recorder unless it is the sender. */
        private Long carrier(String transaction, Optional<String> from) {
            Long known = transaction == null ? null : records.carriers().get(transaction);
            if (known != null) {
                return known;
            }
            Optional<Long> possessing = records.ownerOf(EventClaims.first(event.destinations(), "possessing_party"));
            if (possessing.isPresent()) {
                return possessing.get();
            }
            return from.filter(this::isRecorders).isPresent() ? null : recorder;
        }

        /** Whether a place is one of the recorder's sites. */
        private boolean isRecorders(String place) {
            return siteOwner(place).filter(owner -> owner == recorder).isPresent();
        }

        private Optional<Long> siteOwner(String place) {
            return Place.glnOf(place).flatMap(gln -> records.ownerOf(DigitalLink.location(gln).toUri()));
        }

        private String describe(List<String> places) {
            return String.join(", ", places.stream().map(place -> Place.glnOf(place).map(gln -> "GLN " + gln)
                    .orElse("in transit")).distinct().toList());
        }
    }
}
