package city.trace.verify;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import city.trace.verify.VerifyConfig;
import city.trace.custody.ClaimChecks;
import city.trace.device.Device;
import city.trace.epcis.EpcisEvent;
import city.trace.epcis.EventClaims;
import city.trace.epcis.IdentifierRole;
import city.trace.gs1.DigitalLink;
import city.trace.gs1.DigitalLinkKey;
import city.trace.product.Product;

/**
 * Which events a public page shows: those in the journey of some lot or item of a registered product — its
 * own events, or events of an input before a transformation made such a lot from it — whose recorders were
 * entitled to record them — and the events of devices' registry. Anyone may read these in full; other events only
 * their own organisations may.
 */
@ApplicationScoped
public class PublicEvents {

    @Inject
    ClaimChecks claimChecks;

    @Inject
    VerifyConfig config;

    /**
     * Whether the event is part of a public journey, or registered or retired a device (the registry is public:
     * anyone checks a reading's signature against the key its registration anchored).
     */
    public boolean isPublic(EpcisEvent event) {
        return Device.isLifeEvent(event.eventId) || vouched(event) && event.claims().map(claims -> subjects(claims).stream()
                .anyMatch(item -> inPublicJourney(item, event, 0))).orElse(false);
    }

    /** The lots and items an event is part of the history of: a transformation's outputs, else all it names. */
    private static List<String> subjects(EventClaims claims) {
        return claims.lines().stream()
                .filter(line -> claims.isTransformation() ? IdentifierRole.OUTPUTS.contains(line.role()) : !IdentifierRole.INPUTS.contains(line.role()))
                .map(EventClaims.Line::identifier).filter(PublicEvents::isLotOrItem).distinct().toList();
    }

    /** A lot with a page of its own, or an input that such a lot was made of after {@code event}. */
    private boolean inPublicJourney(String item, EpcisEvent event, int depth) {
        if (gtin(item).flatMap(Product::findByGtin).isPresent()) {
            return true;
        }
        if (depth >= config.maxUpstreamDepth()) {
            return false;
        }
        for (EpcisEvent later : EpcisEvent.listNaming(item)) {
            if (later.eventTime.isBefore(event.eventTime) || !"TransformationEvent".equals(later.eventType)
                    || !vouched(later)) {
                continue;
            }
            Optional<EventClaims> claims = later.claims();
            if (claims.isPresent() && claims.get().lines(IdentifierRole.INPUTS).stream().anyMatch(l -> l.identifier().equals(item))
                    && subjects(claims.get()).stream().anyMatch(output -> inPublicJourney(output, later, depth + 1))) {
                return true;
            }
        }
        return false;
    }

    private boolean vouched(EpcisEvent event) {
        return claimChecks.check(List.of(event)).getOrDefault(event.id, List.of()).isEmpty();
    }

    private static boolean isLotOrItem(String identifier) {
        return DigitalLink.parse(identifier, DigitalLinkKey.GTIN).filter(link -> link.qualifier("10").isPresent() || link.qualifier("21").isPresent())
                .isPresent();
    }

    private static Optional<String> gtin(String identifier) {
        return DigitalLink.parse(identifier, DigitalLinkKey.GTIN).map(DigitalLink::keyValue);
    }
}
