package city.trace.verify;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import city.trace.anchor.Anchoring;
import city.trace.anchor.Anchorings;
import city.trace.device.SignedBatch;
import city.trace.epcis.EpcisEvent;
import city.trace.epcis.EventClaims;
import city.trace.epcis.hash.Vocabulary;
import city.trace.merkle.Bytes32;
import city.trace.proof.AnchoredLeaf;
import city.trace.proof.BundleDevice;
import city.trace.proof.BundleEvent;
import city.trace.proof.BundleVerifier;
import city.trace.proof.EventReport;
import city.trace.proof.Outcome;

/**
 * Checks stored events with the one verifier ({@link BundleVerifier}), trusting nothing in the database: each
 * event becomes the bundle entry its row and anchoring say, which the verifier recomputes and checks against
 * the chain. Pages embed exactly those entries, so the browser re-checks what the server checked; a verified
 * entry states who anchored it as the registry records it. Tampering found is recorded as an alert for the
 * consortium admin.
 */
@ApplicationScoped
public class Verifier {

    private static final String SENSOR_REPORTING = "sensor_reporting";

    /**
     * @param entry  the bundle entry the stored row and its anchoring make, as verified; null when the row cannot even
     *               be read as one
     * @param claims what the verified event says, read from the entry the verifier parsed; null when unreadable
     */
    public record Verified(EpcisEvent event, BundleEvent entry, Verification verification, EventClaims claims) {

        /**
         * The event as a bundle states it: the entry naming who anchored it as the registry records it (the database
         * knows only the account). Made when asked: traces and the sweep only need the verification.
         */
        public BundleEvent bundled() {
            return entry == null || verification.anchoredBy() == null ? entry
                    : entry.withProof(entry.proof().withMember(verification.anchoredBy()));
        }
    }

    @Inject
    Anchorings anchorings;

    @Inject
    ChainMemory chain;

    @Inject
    TamperAlerts alerts;

    private BundleVerifier verifier;

    @PostConstruct
    void create() {
        verifier = new BundleVerifier(chain);
    }

    /**
     * Each event verified, by database id, in the given order. An event of a device's signed readings is checked
     * with the batch as the device signed it, its registered key and the event that registered that key.
     */
    public Map<Long, Verified> verify(Collection<EpcisEvent> events) {
        // only sensor reports are made from devices' signed batches: most pages have none to look up
        Map<Long, SignedBatch> signed = SignedBatch.listByEvents(events.stream()
                .filter(event -> SENSOR_REPORTING.equals(Vocabulary.bareTerm(event.bizStep))).map(event -> event.id)
                .toList()).stream().collect(Collectors.toMap(batch -> batch.eventId, batch -> batch));
        Map<String, EpcisEvent> registrations = signed.isEmpty() ? Map.of()
                : EpcisEvent.listByEventIds(signed.values().stream().map(b -> b.device.registrationEventId).distinct()
                        .toList()).stream().collect(Collectors.toMap(event -> event.eventId, event -> event));
        Map<Long, Anchoring> anchoring = anchorings.of(Stream.concat(events.stream(), registrations.values().stream())
                .map(event -> event.id).distinct().toList());
        Map<Long, BundleEvent> bundled = new LinkedHashMap<>();
        for (EpcisEvent event : events) {
            try {
                BundleEvent entry = bundled(event, anchoring.get(event.id));
                SignedBatch batch = signed.get(event.id);
                EpcisEvent registration = batch == null ? null : registrations.get(batch.device.registrationEventId);
                bundled.put(event.id, registration == null ? entry : entry.withDevice(new BundleDevice(batch.jws,
                        batch.device.publicKey, bundled(registration, anchoring.get(registration.id)))));
            } catch (IllegalArgumentException unreadable) {
                bundled.put(event.id, null);
            }
        }
        List<BundleEvent> readable = bundled.values().stream().filter(Objects::nonNull).toList();
        Iterator<EventReport> reports = verifier.verify(readable).events().iterator();
        Map<Long, Verified> verified = new LinkedHashMap<>();
        for (EpcisEvent event : events) {
            BundleEvent entry = bundled.get(event.id);
            Verification verification = entry == null
                    ? Verification.of(Outcome.TAMPERED, "the stored event cannot be read as an EPCIS event")
                    : Verification.of(reports.next(), entry.proof());
            EventClaims claims = entry == null ? null : EpcisEvent.claims(entry.event(), entry.namespaces()).orElse(null);
            if (!verification.isTampered() && claims != null) {
                // pages show the event's columns: they must say what the anchored event says
                String column = event.columnDisagreeing(entry.event(), entry.namespaces(), claims).orElse(null);
                if (column != null) {
                    verification = Verification.of(Outcome.TAMPERED,
                            "the stored " + column.replace('_', ' ') + " is not what the event says");
                }
            }
            if (verification.isTampered()) {
                alerts.raise(event.id, verification.reason());
            }
            verified.put(event.id, new Verified(event, entry, verification, claims));
        }
        return verified;
    }

    /**
     * Each record that is not an event (see {@link Anchorings#ofRecords}) verified, by record id: the digest its
     * owner recomputed from the stored record against the anchored root, and that root against the chain.
     */
    public Map<Long, Verification> verifyRecords(String kind, Map<Long, Bytes32> digests) {
        List<Long> ids = List.copyOf(digests.keySet());
        Map<Long, Anchoring> anchoring = anchorings.ofRecords(kind, ids);
        List<AnchoredLeaf> leaves = ids.stream().map(id -> new AnchoredLeaf(kind + " " + id, digests.get(id),
                anchoring.get(id).status(), anchoring.get(id).proof())).toList();
        List<EventReport> reports = verifier.verifyLeaves(leaves);
        Map<Long, Verification> verified = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            verified.put(ids.get(i), Verification.of(reports.get(i), leaves.get(i).proof()));
        }
        return verified;
    }

    /** The bundle entry a stored event and its anchoring make; IllegalArgumentException when they make none. */
    private static BundleEvent bundled(EpcisEvent event, Anchoring anchoring) {
        return new BundleEvent(event.eventId, event.json(), event.prefixes(), event.hashVersion, event.prehash,
                event.hash, anchoring.status(), anchoring.proof());
    }
}
