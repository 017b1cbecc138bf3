package city.trace.device;

import java.util.List;

/** A device's batch of readings was stored (in the transaction that stored it), about these lots. */
public record ReadingsStored(long deviceId, long batchId, List<String> lots) {
}
