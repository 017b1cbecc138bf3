package city.trace.epcis;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import city.trace.epcis.EpcisConfig;
import city.trace.epcis.hash.CanonicalValues;
import city.trace.epcis.hash.EventHasher;
import city.trace.epcis.validation.EpcisValidator;
import city.trace.epcis.validation.ValidationReport;
import city.trace.epcis.validation.Violation;
import city.trace.org.Organization;
import city.trace.web.Problem;

/**
 * Captures EPCIS documents: validates every event, computes its Event Hash ID and stores it with its
 * search facts, all or nothing ({@code rollback}, the default) or event by event ({@code proceed}).
 * Events without an eventID get their hash as eventID; an event stored before is not stored again.
 */
@ApplicationScoped
public class CaptureService {

    public enum ErrorBehaviour {
        ROLLBACK, PROCEED;

        public String header() {
            return name().toLowerCase();
        }

        /** The GS1-Capture-Error-Behaviour header; absent means rollback ("all" is EPCIS 1.2's rollback). */
        public static ErrorBehaviour of(String header) {
            if (header == null || header.isBlank() || header.strip().equalsIgnoreCase("rollback")
                    || header.strip().equalsIgnoreCase("all")) {
                return ROLLBACK;
            }
            if (header.strip().equalsIgnoreCase("proceed")) {
                return PROCEED;
            }
            throw new CaptureRejectedException("Unknown GS1-Capture-Error-Behaviour",
                    List.of(new Problem.Error("", "GS1-Capture-Error-Behaviour must be rollback or proceed, not " + header)));
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EventHasher hasher = new EventHasher();
    private final EpcisValidator validator = new EpcisValidator();

    @Inject
    EpcisConfig config;

    @Inject
    EventStore store;

    @Inject
    CaptureGuard guard;

    @Inject
    ObjectMapper json;

    /**
     * Captures an EPCISDocument or EPCISQueryDocument for {@code org}.
     *
     * @throws CaptureLimitExceededException when it holds more events than the capture limit
     * @throws CaptureRejectedException      when nothing may be stored (invalid document, or any invalid event
     *                                       with rollback); nothing is stored then
     */
    @Transactional
    public EpcisCapture capture(Organization org, JsonNode document, ErrorBehaviour behaviour) {
        EventList events = EventList.in(document);
        if (events != null && events.size() > config.captureLimit()) {
            throw CaptureLimitExceededException.events(events.size(), config.captureLimit());
        }
        ValidationReport report = validator.validate(document);
        Map<Integer, List<Problem.Error>> invalidEvents = new TreeMap<>();
        report.invalidEventIndexes().forEach(i -> invalidEvents.put(i, errors(report.eventViolations(i))));
        if (!report.documentViolations().isEmpty() || (behaviour == ErrorBehaviour.ROLLBACK && !report.isValid())) {
            List<Problem.Error> all = errors(report.violations());
            throw new CaptureRejectedException("The document has " + all.size() + (all.size() == 1 ? " problem" : " problems")
                    + "; nothing was stored", all);
        }

        Map<String, String> namespaces = EventHasher.declaredPrefixes(document);
        EventPreparer preparer = new EventPreparer(namespaces);
        List<PreparedEvent> prepared = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (!invalidEvents.containsKey(i)) {
                prepared.add(preparer.prepare(events.get(i)));
                positions.add(i);
            }
        }

        CaptureGuard.Admission admission = guard.admit(org, prepared);
        if (behaviour == ErrorBehaviour.ROLLBACK && !admission.refusals().isEmpty()) {
            throw new CaptureRefusedException(admission.refusals().entrySet().stream()
                    .flatMap(refusal -> within(events.pointer(positions.get(refusal.getKey())), refusal.getValue()).stream())
                    .toList());
        }
        List<Integer> admitted = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            if (!admission.refusals().containsKey(i)) {
                admitted.add(i);
            }
        }

        EpcisCapture job = newJob(org, behaviour, events.size());
        List<PreparedEvent> toStore = admitted.stream().map(prepared::get).toList();
        EventStore.Outcome outcome = store.store(toStore, org.id, job.id, job.createdAt);
        admission.stored(storedPositions(admitted, outcome), storedIds(outcome));
        List<Problem> problems = new ArrayList<>();
        invalidEvents.forEach((i, errors) -> problems.add(eventProblem(events.pointer(i), "The event is invalid", errors)));
        admission.refusals().forEach((i, errors) -> problems.add(refusal(events.pointer(positions.get(i)), errors)));
        for (int conflict : outcome.conflicts()) {
            int i = positions.get(admitted.get(conflict));
            problems.add(eventProblem(events.pointer(i), "The eventID is taken", List.of(new Problem.Error(events.pointer(i) + "/eventID",
                    "eventID " + toStore.get(conflict).eventId() + " is already used by a different event"))));
        }
        if (behaviour == ErrorBehaviour.ROLLBACK && !problems.isEmpty()) {
            throw new CaptureRejectedException("An eventID is already used by a different event; nothing was stored",
                    problems.stream().flatMap(p -> p.errors().stream()).toList());
        }
        job.storedCount = outcome.storedCount();
        job.success = problems.isEmpty();
        job.errors = toJson(problems);
        job.warnings = toJson(errors(report.warnings()));
        job.finishedAt = Instant.now();
        job.running = false;
        return job;
    }

    /** An event the application recorded: its database id and its eventID. */
    public record Recorded(long id, String eventId) {
    }

    /**
     * Records an event the application itself makes (a page's action), in the caller's transaction.
     *
     * @return the stored event: the one just stored, or the identical one stored before
     */
    @Transactional
    public Recorded record(Organization org, JsonNode event, Map<String, String> namespaces) {
        return recordAll(org, List.of(event), namespaces).getFirst();
    }

    /**
     * Records events the application itself makes, judged and stored together as one document's (a recall of 10,000
     * lots makes 21 events: one look at the records, not 21), in the caller's transaction.
     *
     * @return each stored event, in order: the one just stored, or the identical one stored before
     */
    @Transactional
    public List<Recorded> recordAll(Organization org, List<JsonNode> events, Map<String, String> namespaces) {
        EventPreparer preparer = new EventPreparer(namespaces);
        List<PreparedEvent> prepared = new ArrayList<>();
        for (JsonNode event : events) {
            List<Violation> violations = validator.validateEvent(event, "");
            if (!violations.isEmpty()) {
                throw new IllegalStateException("CityTrace made an invalid EPCIS event: " + violations);
            }
            prepared.add(preparer.prepare(event));
        }
        CaptureGuard.Admission admission = guard.admit(org, prepared);
        admission.refusals().values().stream().findFirst().ifPresent(refusal -> {
            throw new CaptureRefusedException(within("", refusal));
        });
        EventStore.Outcome outcome = store.store(prepared, org.id, null, Instant.now());
        List<Integer> positions = IntStream.range(0, prepared.size()).boxed().toList();
        admission.stored(storedPositions(positions, outcome), storedIds(outcome));
        List<Recorded> recorded = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            String eventId = prepared.get(i).eventId();
            long id = outcome.ids()[i] > 0 ? outcome.ids()[i] : EpcisEvent.findByEventId(eventId).orElseThrow().id;
            recorded.add(new Recorded(id, eventId));
        }
        return recorded;
    }

    /** The positions (in the list judged) of the events the store took, and their ids, in the same order. */
    private static List<Integer> storedPositions(List<Integer> admitted, EventStore.Outcome outcome) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < outcome.ids().length; i++) {
            if (outcome.ids()[i] > 0) {
                positions.add(i);
            }
        }
        return positions.stream().map(admitted::get).toList();
    }

    private static long[] storedIds(EventStore.Outcome outcome) {
        return Arrays.stream(outcome.ids()).filter(id -> id > 0).toArray();
    }

    /** A refused event's errors with pointers into the document. */
    private static List<Problem.Error> within(String eventPointer, List<Problem.Error> errors) {
        return errors.stream().map(e -> new Problem.Error(eventPointer + e.pointer(), e.detail(), e.rule())).toList();
    }

    private static Problem refusal(String eventPointer, List<Problem.Error> errors) {
        List<Problem.Error> located = within(eventPointer, errors);
        return new Problem(CaptureRefusedException.TYPE, CaptureRefusedException.TITLE, 403,
                located.stream().map(e -> e.rule() + ": " + e.detail()).reduce((a, b) -> a + "; " + b).orElse(""),
                eventPointer, located);
    }

    /** Turns validated events into stored form: hash, facts, eventID. */
    private final class EventPreparer {
        private final Map<String, String> namespaces;
        private final CanonicalValues values;

        EventPreparer(Map<String, String> namespaces) {
            this.namespaces = new TreeMap<>(namespaces);
            this.values = new CanonicalValues(namespaces);
        }

        PreparedEvent prepare(JsonNode event) {
            var hash = hasher.hash(event, namespaces, config.hashVersion());
            JsonNode eventId = event.get("eventID");
            String id = eventId != null && eventId.isTextual() && !eventId.textValue().isBlank()
                    ? eventId.textValue() : hash.hash();
            EventClaims claims = EventClaims.of(event, values);
            return new PreparedEvent(id, EventFacts.of(event, values, claims), claims, hash, config.hashVersion(),
                    namespaces, event);
        }
    }

    private EpcisCapture newJob(Organization org, ErrorBehaviour behaviour, int eventCount) {
        EpcisCapture job = new EpcisCapture();
        job.captureId = "cap-" + HexFormat.of().formatHex(randomBytes(12));
        job.organization = org;
        job.errorBehaviour = behaviour.header();
        job.createdAt = Instant.now();
        job.running = true;
        job.eventCount = eventCount;
        job.persistAndFlush();
        return job;
    }

    private static List<Problem.Error> errors(List<Violation> violations) {
        return violations.stream().map(v -> new Problem.Error(v.pointer(), v.message())).toList();
    }

    private static Problem eventProblem(String eventPointer, String title, List<Problem.Error> errors) {
        return new Problem("epcisException:ValidationException", title, 400,
                errors.stream().map(Problem.Error::detail).reduce((a, b) -> a + "; " + b).orElse(title),
                eventPointer, errors);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
