package city.trace.device;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Devices and their signed readings. */
@ConfigMapping(prefix = "citytrace.devices")
public interface DeviceConfig {

    /**
     * How far a reading's time may lie ahead of the server's clock: a device's clock drifts a little, but a
     * reading from the future was not measured yet.
     */
    @WithDefault("2M")
    Duration maxClockSkewAhead();

    /** How old a batch's oldest reading may be when it arrives: a device that was offline sends late, not years late. */
    @WithDefault("7D")
    Duration maxReadingAge();
}
