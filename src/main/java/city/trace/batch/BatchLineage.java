package city.trace.batch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import city.trace.epcis.EpcisEvent;
import city.trace.epcis.EventClaims;
import city.trace.epcis.IdentifierRole;
import city.trace.gs1.DigitalLink;

/**
 * What a lot was made from and what was made from it, read from the transformations its recorders were entitled
 * to record (the lot's own history; third-party claims do not count).
 */
public record BatchLineage(List<LotUse> inputs, List<LotUse> outputs) {

    /**
     * Another lot a transformation linked to this one.
     *
     * @param batch    its registered batch, or null for goods registered nowhere here
     * @param link     its Digital Link
     * @param quantity how much went in (inputs) or came out (outputs), when the event says
     * @param path     its public page (Digital Link path), when it is a lot
     * @param visible  whether the viewer may open the batch's own page
     */
    public record LotUse(String link, Batch batch, BigDecimal quantity, String uom, String path, boolean visible) {
    }

    /** From the lot's events that its recorders were entitled to record. */
    public static BatchLineage of(Batch batch, List<EpcisEvent> vouchedEvents, Predicate<Batch> visible) {
        String self = batch.lotLink();
        Map<String, EventClaims.Line> inputs = new LinkedHashMap<>();
        Map<String, EventClaims.Line> outputs = new LinkedHashMap<>();
        for (EpcisEvent event : vouchedEvents) {
            if (!"TransformationEvent".equals(event.eventType)) {
                continue;
            }
            event.claims().ifPresent(claims -> {
                boolean made = claims.lines(IdentifierRole.OUTPUTS).stream().anyMatch(l -> l.identifier().equals(self));
                boolean used = claims.lines(IdentifierRole.INPUTS).stream().anyMatch(l -> l.identifier().equals(self));
                if (made) {
                    claims.lines(IdentifierRole.INPUTS).forEach(l -> inputs.putIfAbsent(l.identifier(), l));
                }
                if (used) {
                    claims.lines(IdentifierRole.OUTPUTS).forEach(l -> outputs.putIfAbsent(l.identifier(), l));
                }
            });
        }
        Map<String, Batch> batches = Batch.byLotLinks(union(inputs.keySet(), outputs.keySet()));
        return new BatchLineage(uses(inputs, batches, visible), uses(outputs, batches, visible));
    }

    private static List<LotUse> uses(Map<String, EventClaims.Line> lines, Map<String, Batch> batches,
            Predicate<Batch> visible) {
        return lines.values().stream().map(l -> {
            Batch batch = batches.get(l.identifier());
            return new LotUse(l.identifier(), batch, l.quantity(), l.uom(),
                    DigitalLink.parseLot(l.identifier()).map(DigitalLink::path).orElse(null),
                    batch != null && visible.test(batch));
        }).toList();
    }

    private static List<String> union(Set<String> a, Set<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    public boolean isEmpty() {
        return inputs.isEmpty() && outputs.isEmpty();
    }
}
