package city.trace.subscription;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import city.trace.epcis.EpcisConfig;
import city.trace.epcis.EventQuery;
import city.trace.epcis.NamedQueries;

/** A subscription's query and schedule, read back from the JSON they were stored as. */
@ApplicationScoped
public class SubscriptionQueries {

    @Inject
    ObjectMapper json;

    @Inject
    EpcisConfig config;

    /** The subscription's named query as an event query. */
    public EventQuery of(Subscription subscription) {
        return EventQuery.parse(NamedQueries.parameters(tree(subscription.namedQuery.definition)),
                config.defaultPerPage(), config.maxPerPage());
    }

    /** The subscription's schedule; call for scheduled subscriptions only. */
    public QuerySchedule schedule(Subscription subscription) {
        return QuerySchedule.parse(fields(tree(subscription.schedule)));
    }

    /** A schedule's fields as text: the binding writes them as strings, some clients as numbers. */
    static Map<String, String> fields(JsonNode schedule) {
        Map<String, String> fields = new LinkedHashMap<>();
        schedule.properties().forEach(field -> fields.put(field.getKey(),
                field.getValue().isValueNode() && !field.getValue().isNull() ? field.getValue().asText() : ""));
        return fields;
    }

    JsonNode tree(String stored) {
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON the app wrote does not parse", e);
        }
    }
}
