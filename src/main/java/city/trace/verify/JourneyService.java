package city.trace.verify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import city.trace.batch.Batch;
import city.trace.config.VerifyConfig;
import city.trace.epcis.EpcisEvent;
import city.trace.epcis.hash.CanonicalValues;
import city.trace.epcis.hash.Vocabulary;
import city.trace.gs1.DigitalLink;
import city.trace.gs1.DigitalLinkKey;
import city.trace.gs1.InvalidIdentifierException;
import city.trace.product.Product;
import city.trace.site.Places;
import city.trace.site.Site;

/**
 * Builds a lot's journey from the stored events: the events that name the lot, and — through each
 * transformation that made it — those of its input lots, recursively; then verifies every event.
 */
@ApplicationScoped
public class JourneyService {

    @Inject
    EventVerifier verifier;

    @Inject
    VerifyConfig config;

    /** A lot or item a journey follows (as canonical Digital Link), and how far upstream of the subject. */
    private record Item(String digitalLink, int depth) {
    }

    /** An event found for the journey, the item it was found for, and what it made (for a transformation). */
    private record Found(EpcisEvent event, Item item, List<String> outputs) {
    }

    /** A transformation's inputs and outputs (lots and items) as canonical identifiers, read once. */
    private record Transformation(List<String> inputs, List<String> outputs) {

        static final Transformation NONE = new Transformation(List.of(), List.of());

        static Transformation of(EpcisEvent event) {
            if (!"TransformationEvent".equals(event.eventType)) {
                return NONE;
            }
            JsonNode json = event.json();
            CanonicalValues values = canonicalValues(event);
            return new Transformation(identifiers(json, "inputQuantityList", "inputEPCList", values),
                    identifiers(json, "outputQuantityList", "outputEPCList", values));
        }
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
        Map<Long, Found> found = collect(new Item(subject.toUri(), 0));
        if (batch.isEmpty() && found.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, Verification> verifications = verifier.verify(found.keySet());
        Map<String, Site> sites = Places.sites(found.values().stream().map(f -> f.event().readPoint).toList());
        Map<String, String> lotNames = new LinkedHashMap<>();
        List<Journey.Step> steps = found.values().stream()
                .sorted(Comparator.comparing((Found f) -> f.event().eventTime).thenComparing(f -> f.event().id))
                .map(f -> step(f, sites, verifications.get(f.event().id), lotNames)).toList();
        Journey.Place origin = batch.map(b -> place(b.site)).orElse(null);
        return Optional.of(new Journey(subject, product.gtin, lot, product, batch.orElse(null), origin, steps,
                verdict(steps), LocatorMap.of(steps, origin)));
    }

    /** The events of the subject and, through the transformations that made it, of its inputs. */
    private Map<Long, Found> collect(Item subject) {
        Map<Long, Found> found = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        Deque<Item> items = new ArrayDeque<>(List.of(subject));
        while (!items.isEmpty()) {
            Item item = items.removeFirst();
            if (!seen.add(item.digitalLink())) {
                continue;
            }
            for (EpcisEvent event : EpcisEvent.listNaming(item.digitalLink())) {
                Transformation transformation = Transformation.of(event);
                found.putIfAbsent(event.id, new Found(event, item, transformation.outputs()));
                // follow the inputs of what made the item, not of what consumed it
                if (item.depth() < config.maxUpstreamDepth() && transformation.outputs().contains(item.digitalLink())) {
                    transformation.inputs().forEach(input -> items.addLast(new Item(input, item.depth() + 1)));
                }
            }
        }
        return found;
    }

    /** The canonical identifiers of a quantity list's classes and an EPC list's instances. */
    private static List<String> identifiers(JsonNode event, String quantityList, String epcList, CanonicalValues values) {
        List<String> identifiers = new ArrayList<>();
        event.path(quantityList).forEach(element -> {
            if (element.path("epcClass").isTextual()) {
                identifiers.add(values.identifier(element.path("epcClass").textValue()));
            }
        });
        event.path(epcList).forEach(epc -> {
            if (epc.isTextual()) {
                identifiers.add(values.identifier(epc.textValue()));
            }
        });
        return identifiers;
    }

    private Journey.Step step(Found found, Map<String, Site> sites, Verification verification,
            Map<String, String> lotNames) {
        EpcisEvent event = found.event();
        Site site = event.readPoint == null ? null : sites.get(event.readPoint);
        String made = found.outputs().stream().findFirst().map(output -> label(output, lotNames)).orElse(null);
        return new Journey.Step(event.id, event.eventId, event.hash, event.prehash, event.eventType,
                Vocabulary.bareTerm(event.bizStep), label(found.item().digitalLink(), lotNames), found.item().depth() > 0,
                made, event.eventTime,
                event.eventTimeZoneOffset, site == null ? null : place(site), event.readPoint,
                event.organization == null ? null : event.organization.name, verification);
    }

    /** "Milk bread loaf 800 g · lot B20261120" for a lot's Digital Link ("… · serial …" for an item). */
    private static String label(String digitalLink, Map<String, String> names) {
        return names.computeIfAbsent(digitalLink, key -> {
            try {
                return DigitalLink.parse(key).filter(link -> link.key() == DigitalLinkKey.GTIN).map(link -> {
                    String product = Product.findByGtin(link.keyValue()).map(p -> p.name).orElse("GTIN " + link.keyValue());
                    return product + link.qualifiers().stream().filter(q -> q.ai().equals("10") || q.ai().equals("21"))
                            .map(q -> (q.ai().equals("10") ? " · lot " : " · serial ") + q.value()).findFirst().orElse("");
                }).orElse(key);
            } catch (InvalidIdentifierException e) {
                return key;
            }
        });
    }

    private static Journey.Place place(Site site) {
        return new Journey.Place(site.name, site.city, site.organization.name, site.latitude, site.longitude);
    }

    /** The worst state of the steps: tampered over unverifiable over pending over verified. */
    private static Verification.State verdict(List<Journey.Step> steps) {
        Verification.State worst = Verification.State.VERIFIED;
        for (Journey.Step step : steps) {
            Verification.State state = step.verification().state();
            if (rank(state) > rank(worst)) {
                worst = state;
            }
        }
        return steps.isEmpty() ? Verification.State.PENDING : worst;
    }

    private static int rank(Verification.State state) {
        return switch (state) {
            case VERIFIED -> 0;
            case PENDING -> 1;
            case UNVERIFIABLE -> 2;
            case TAMPERED -> 3;
        };
    }

    /** Reads identifiers as the event's document declared them; prefixes that cannot be read are left out. */
    private static CanonicalValues canonicalValues(EpcisEvent event) {
        try {
            return new CanonicalValues(event.prefixes());
        } catch (IllegalArgumentException unreadable) {
            return new CanonicalValues(Map.of()); // the verifier reports such an event as tampered
        }
    }
}
