package city.trace.epcis;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The events of an EPCISDocument ({@code epcisBody.eventList}) or EPCISQueryDocument
 * ({@code epcisBody.queryResults.resultsBody.eventList}) and the JSON pointer of that list.
 */
record EventList(JsonNode events, String pointer) {

    private static final String[] LOCATIONS = { "/epcisBody/eventList", "/epcisBody/queryResults/resultsBody/eventList" };

    /** The document's events, or null when it has no event list. */
    static EventList in(JsonNode document) {
        for (String location : LOCATIONS) {
            JsonNode events = document.at(location);
            if (events.isArray()) {
                return new EventList(events, location);
            }
        }
        return null;
    }

    int size() {
        return events.size();
    }

    JsonNode get(int index) {
        return events.get(index);
    }

    /** The pointer of the event at {@code index}. */
    String pointer(int index) {
        return pointer + "/" + index;
    }
}
