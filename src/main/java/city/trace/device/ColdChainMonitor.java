package city.trace.device;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import city.trace.device.coldchain.Evaluation;
import city.trace.device.coldchain.Excursion;
import city.trace.epcis.CaptureService;
import city.trace.epcis.EpcisConfig;
import city.trace.org.Members;

/**
 * Evaluates the cold-chain requirement of each lot a batch of readings concerns, as the readings arrive (in
 * their transaction): the first breach of a lot's requirement raises an alert for its owner and holder and is
 * recorded as an anchored EPCIS event (disposition non_conformant, the breaking reading as an alarm).
 */
@ApplicationScoped
public class ColdChainMonitor {

    @Inject
    CaptureService captures;

    @Inject
    EpcisConfig epcis;

    void onReadings(@Observes ReadingsStored stored) {
        Device device = Device.findById(stored.deviceId());
        for (String lot : stored.lots()) {
            check(device, lot, stored.from(), stored.to());
        }
    }

    /** Whether readings of {@code lot} from {@code from} to {@code to} broke its requirement, for the first time. */
    private void check(Device device, String lot, Instant from, Instant to) {
        // most lots have no requirement, or raised their alert already: nothing to evaluate then
        Optional<ColdChainRequirement> requirement = ColdChainRequirement.ofLot(lot);
        if (requirement.isEmpty() || ColdChainAlert.exists(lot, requirement.get())) {
            return;
        }
        Optional<Evaluation> breach = TemperatureRecord.breachAround(lot, requirement.get(), from, to);
        if (breach.isEmpty()) {
            return;
        }
        Evaluation evaluation = breach.get();
        ColdChainAlert alert = new ColdChainAlert();
        Optional<Excursion> excursion = evaluation.excursions().stream().filter(Excursion::breach).findFirst();
        if (excursion.isPresent()) {
            alert.kind = excursion.get().direction() == Excursion.Direction.ABOVE ? ColdChainAlert.Kind.ABOVE
                    : ColdChainAlert.Kind.BELOW;
            alert.startedAt = excursion.get().start();
            alert.extremeCelsius = excursion.get().extreme();
            alert.minutes = (int) excursion.get().duration().toMinutes();
        } else {
            alert.kind = ColdChainAlert.Kind.MKT;
            alert.startedAt = evaluation.first();
            alert.extremeCelsius = evaluation.meanKineticCelsius();
            alert.minutes = (int) Duration.between(evaluation.first(), evaluation.last()).toMinutes();
        }
        alert.breachedAt = evaluation.firstBreachAt().orElseThrow();
        alert.lot = lot;
        alert.rule = requirement.get();
        alert.owner = Members.load().ownerOf(lot).orElse(null);
        alert.holder = device.organization;
        alert.device = device;
        alert.eventId = captures.record(device.organization, DeviceEvents.breach(device, List.of(lot),
                alert.breachedAt, alert.extremeCelsius, requirement.get().describe(), ZoneId.of(epcis.siteTimeZone())),
                DeviceEvents.NAMESPACES).id();
        alert.raisedAt = Instant.now();
        alert.persist();
    }
}
