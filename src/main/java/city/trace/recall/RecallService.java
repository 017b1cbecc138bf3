package city.trace.recall;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.security.ForbiddenException;

import city.trace.batch.Batch;
import city.trace.epcis.CaptureService;
import city.trace.epcis.EpcisConfig;
import city.trace.epcis.EpcisEvent;
import city.trace.epcis.EpcisEventBuilder;
import city.trace.epcis.QueryScope;
import city.trace.gs1.DigitalLink;
import city.trace.gs1.EpcUrn;
import city.trace.org.Members;
import city.trace.org.Organization;
import city.trace.tracing.Direction;
import city.trace.tracing.Identifiers;
import city.trace.tracing.TraceService;
import city.trace.web.FormErrors;
import city.trace.web.InvalidFormException;
import city.trace.web.TemplateExtensions;

/**
 * Declares recalls: the lot and every lot made from it (the forward trace through vouched transformations and
 * packing), each recalled by an EPCIS event (an observation with disposition recalled) from someone entitled to
 * record it — a regulator for any lot, a maker for its own. Lots of other members wait for their owner, whose
 * dashboard shows the recall with one button to record it.
 */
@ApplicationScoped
public class RecallService {

    /** Lots per recall event: one event stays small enough to check and show. */
    static final int LOTS_PER_EVENT = 500;

    @Inject
    TraceService traces;

    @Inject
    CaptureService captures;

    @Inject
    EpcisConfig epcis;

    @Inject
    Event<RecallRecorded> recorded;

    /** Who declares: their organisation, their name, and whether they act as a regulator. */
    public record Declarer(Organization organization, String user, boolean regulator) {
    }

    @Transactional
    public Recall declare(Declarer declarer, RecallForm form) {
        FormErrors errors = FormErrors.none();
        Optional<String> lot = lotOf(form.lot, errors);
        String reason = form.reason == null ? "" : form.reason.strip();
        if (reason.length() < 3 || reason.length() > 2000) {
            errors.add("reason", "Say why the lot is recalled (3 to 2,000 characters): consumers and members read it");
        }
        Recall.Severity severity = severityOf(form.severity, errors);
        Members members = Members.load();
        lot.filter(link -> !declarer.regulator()
                && !members.ownerOf(link).map(owner -> owner.id.equals(declarer.organization().id)).orElse(false))
                .ifPresent(link -> errors.add("lot", "Only a regulator or the lot's maker may recall it; "
                        + "this lot's GS1 company prefix is not your organisation's"));
        // a second recall would record the lot and everything made from it recalled again
        lot.flatMap(Recall::findOpenOf).ifPresent(open -> errors.add("lot", "This lot is already recalled (recall #"
                + open.id + ", open since " + TemplateExtensions.display(open.declaredAt)
                + "): close that recall before declaring another"));
        errors.throwIfAny();
        Map<String, Integer> reached = traces.reach(List.of(lot.get()), Direction.FORWARD, QueryScope.EVERYTHING);
        if (reached.size() == 1 && !EpcisEvent.existsNaming(lot.get())) {
            throw new InvalidFormException("lot", "Nothing is recorded about this lot: check the GTIN and the lot");
        }
        Map<String, Integer> lots = reached.entrySet().stream()
                .filter(entry -> "lot".equals(Identifiers.kind(entry.getKey())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, String> labels = Identifiers.labels(lots.keySet());

        Recall recall = new Recall();
        recall.lotLink = lot.get();
        recall.lotLabel = labels.getOrDefault(lot.get(), lot.get());
        recall.reason = reason;
        recall.severity = severity;
        recall.declaredBy = declarer.organization();
        recall.declaredByUser = declarer.user();
        recall.declaredAt = Instant.now();
        recall.persist();
        List<RecallLot> affected = new ArrayList<>();
        lots.forEach((link, distance) -> {
            RecallLot affectedLot = new RecallLot();
            affectedLot.lotLink = link;
            affectedLot.label = labels.getOrDefault(link, link);
            affectedLot.distance = distance;
            affectedLot.owner = members.ownerOf(link).orElse(null);
            affected.add(affectedLot);
        });
        affected.sort(Comparator.comparingInt((RecallLot l) -> l.distance).thenComparing(l -> l.label));
        Organization org = declarer.organization();
        // recorded before the lots are stored, which then carry their events: no update of 10,000 rows after
        record(org, affected.stream().filter(l -> declarer.regulator() || l.owner == null || l.owner.id.equals(org.id))
                .toList()).forEach((eventId, lotsOfEvent) -> lotsOfEvent.forEach(l -> l.eventId = eventId));
        RecallLot.insertAll(recall, affected);
        recorded.fire(new RecallRecorded(recall.id, true));
        return recall;
    }

    /** An affected member records the recall of its own lots that are not recalled yet. */
    @Transactional
    public Recall recordOwnLots(Organization org, long recallId) {
        Recall recall = find(recallId);
        List<RecallLot> own = RecallLot.listOf(recall).stream()
                .filter(l -> !l.isRecorded() && l.owner != null && l.owner.id.equals(org.id)).toList();
        if (own.isEmpty()) {
            throw new ForbiddenException("None of " + org.name + "'s lots is waiting to be recalled in recall #" + recallId);
        }
        record(org, own).forEach(RecallLot::recordedBy);
        recorded.fire(new RecallRecorded(recall.id, false));
        return recall;
    }

    /** Ends the campaign: the lots stay recalled and the history stays. */
    @Transactional
    public Recall close(Declarer closer, long recallId, String note) {
        Recall recall = find(recallId);
        if (!closer.regulator() && !recall.declaredBy.id.equals(closer.organization().id)) {
            throw new ForbiddenException("Only a regulator or " + recall.declaredBy.name + ", which declared it, may close recall #"
                    + recallId);
        }
        if (!recall.isOpen()) {
            throw new InvalidFormException("note", "Recall #" + recallId + " is already closed");
        }
        String text = note == null ? "" : note.strip();
        if (text.length() > 2000) {
            throw new InvalidFormException("note", "A closing note has at most 2,000 characters");
        }
        recall.closedAt = Instant.now();
        recall.closedByUser = closer.user();
        recall.closingNote = text.isEmpty() ? null : text;
        return recall;
    }

    public Recall find(long id) {
        return Recall.<Recall>findByIdOptional(id).orElseThrow(() -> new NotFoundException("No recall #" + id));
    }

    /**
     * One recall event per {@value #LOTS_PER_EVENT} lots, recorded by {@code org} through the recording rules, all
     * judged together; their batches marked recalled.
     *
     * @return the lots of each event, by the event's database id
     */
    private Map<Long, List<RecallLot>> record(Organization org, List<RecallLot> lots) {
        List<List<RecallLot>> chunks = new ArrayList<>();
        List<JsonNode> events = new ArrayList<>();
        for (int from = 0; from < lots.size(); from += LOTS_PER_EVENT) {
            List<RecallLot> chunk = lots.subList(from, Math.min(lots.size(), from + LOTS_PER_EVENT));
            EpcisEventBuilder event = EpcisEventBuilder.objectEvent("OBSERVE", Instant.now(), ZoneId.of(epcis.siteTimeZone()))
                    .disposition("recalled");
            chunk.forEach(l -> event.epcClass("quantityList", l.lotLink));
            chunks.add(chunk);
            events.add(event.build());
        }
        List<CaptureService.Recorded> recorded = events.isEmpty() ? List.of() : captures.recordAll(org, events, Map.of());
        Map<Long, List<RecallLot>> byEvent = new LinkedHashMap<>();
        for (int i = 0; i < chunks.size(); i++) {
            byEvent.put(recorded.get(i).id(), chunks.get(i));
        }
        Batch.markRecalled(lots.stream().map(l -> l.lotLink).toList());
        return byEvent;
    }

    private static Optional<String> lotOf(String text, FormErrors errors) {
        String value = text == null ? "" : text.strip();
        Optional<DigitalLink> lot;
        try {
            lot = value.startsWith("urn:epc:") ? EpcUrn.toDigitalLink(value) : DigitalLink.parse(value);
        } catch (RuntimeException malformed) {
            errors.add("lot", malformed.getMessage());
            return Optional.empty();
        }
        Optional<String> link = lot.filter(l -> l.qualifier(DigitalLink.LOT).isPresent() && l.qualifiers().size() == 1)
                .map(DigitalLink::toUri);
        if (link.isEmpty()) {
            errors.add("lot", "Enter the lot's Digital Link, …/01/{GTIN}/10/{lot}, as its QR code carries it");
        }
        return link;
    }

    private static Recall.Severity severityOf(String text, FormErrors errors) {
        try {
            return Recall.Severity.valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add("severity", "Choose how dangerous the lot is");
            return null;
        }
    }
}
