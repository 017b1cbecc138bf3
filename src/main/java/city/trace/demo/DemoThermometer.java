package city.trace.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import city.trace.device.Device;
import city.trace.device.DeviceForm;
import city.trace.device.DeviceRegistry;
import city.trace.device.ReadingIntake;
import city.trace.org.Organization;
import city.trace.signedreadings.ReadingBatch;
import city.trace.signedreadings.ReadingSigner;

/**
 * A carrier's thermometer in one of its vehicles, for the demo: registered with a key made for the seeding (the
 * private key lives only as long as the seeding), it signs its readings of each trip as a real device would.
 */
final class DemoThermometer {

    /** How often it measures. */
    private static final Duration EVERY = Duration.ofMinutes(5);

    private final Device device;
    private final KeyPair keys;
    private long counter;

    private DemoThermometer(Device device, KeyPair keys) {
        this.device = device;
        this.keys = keys;
    }

    /** Registers a thermometer (GIAI {@code companyPrefix}{@code serial}) riding in {@code vehicle}. */
    static DemoThermometer register(DeviceRegistry registry, Organization carrier, String vehicle, String serial) {
        KeyPair keys = ReadingSigner.generate("ES256");
        DeviceForm form = new DeviceForm();
        form.identifier = "https://id.gs1.org/8004/" + carrier.gs1CompanyPrefix + serial;
        form.kind = "thermometer";
        form.model = "ColdLink TL-20 data logger";
        form.vehicle = vehicle;
        form.publicKey = ReadingSigner.publicKeyPem(keys.getPublic());
        return new DemoThermometer(registry.register(carrier, "demo", form), keys);
    }

    String vehicle() {
        return device.vehicle;
    }

    /**
     * Sends one signed batch of a trip: a reading every five minutes from {@code from} to {@code to}, near
     * {@code celsius}, and at {@code peak} from {@code excursionFrom} for {@code excursion} (none when null).
     */
    void trip(ReadingIntake intake, Instant from, Instant to, double celsius, Instant excursionFrom, Duration excursion,
            double peak) {
        List<ReadingBatch.Reading> readings = new ArrayList<>();
        int i = 0;
        for (Instant time = from; !time.isAfter(to); time = time.plus(EVERY), i++) {
            boolean out = excursionFrom != null && !time.isBefore(excursionFrom)
                    && time.isBefore(excursionFrom.plus(excursion));
            // a logger's small, steady wobble around its set point
            double value = out ? peak : celsius + 0.4 * Math.sin(i / 3.0);
            readings.add(new ReadingBatch.Reading(time, "Temperature",
                    BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP), "CEL"));
        }
        counter++;
        intake.accept(device.id, ReadingSigner.sign(new ReadingBatch(device.identifier, counter, readings),
                keys.getPrivate(), device.keyThumbprint));
    }
}
