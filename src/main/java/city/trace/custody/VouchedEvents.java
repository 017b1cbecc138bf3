package city.trace.custody;

import java.util.BitSet;

/**
 * The stored events the recording rules allowed, by database id, as this app judged them. A judgement is final:
 * it depends only on the records before the event, which are not changed but by tampering (which the event's own
 * page shows). So each event is judged once, not on every page that shows it. One bit an event; ids beyond
 * {@link #LARGEST_ID} are not remembered (judged each time), which bounds the memory to 16 MB.
 */
final class VouchedEvents {

    static final long LARGEST_ID = (1L << 27) - 1;

    private final BitSet vouched = new BitSet();

    synchronized boolean contains(long eventId) {
        return eventId >= 0 && eventId <= LARGEST_ID && vouched.get((int) eventId);
    }

    synchronized void add(long eventId) {
        if (eventId >= 0 && eventId <= LARGEST_ID) {
            vouched.set((int) eventId);
        }
    }
}
