package city.trace.epcis;

/**
 * Fired (synchronously, inside the storing transaction) with the newly stored events, so that what must follow
 * every event (its anchoring) is written atomically with it.
 *
 * @param organizationId the organisation that recorded them
 * @param eventIds       the events' database ids
 * @param hashes         their Event Hash IDs, in the same order
 */
public record EventsStored(long organizationId, long[] eventIds, String[] hashes) {
}
