package city.trace.device;

import java.time.Instant;
import java.util.List;

/**
 * A device's batch of readings was stored (in the transaction that stored it), about these lots; its readings were
 * measured from {@code from} until {@code to}.
 */
public record ReadingsStored(long deviceId, long batchId, List<String> lots, Instant from, Instant to) {
}
