package city.trace.epcis;

import java.util.List;
import java.util.Map;

import city.trace.org.Organization;
import city.trace.web.Problem;

/**
 * Decides who may record which events, before anything is stored (implemented where the rules live, so that
 * capture does not depend on them). Judging is in document order: later events see the earlier ones.
 */
public interface CaptureGuard {

    /**
     * Judges the events {@code recorder} wants to record.
     *
     * @param events validated events, in document order
     */
    Admission admit(Organization recorder, List<PreparedEvent> events);

    /** The judgement of a list of events. */
    interface Admission {

        /** The events that may not be recorded, by their position in the list judged, with the rules they break. */
        Map<Integer, List<Problem.Error>> refusals();

        /**
         * Called in the storing transaction once the admitted events are stored, so that what follows from them
         * is written atomically with them.
         *
         * @param positions the positions (in the list judged) of the events stored now
         * @param ids       their database ids
         */
        void stored(List<Integer> positions, long[] ids);
    }
}
