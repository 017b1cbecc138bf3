package city.trace.epcis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import city.trace.epcis.hash.CanonicalValues;
import city.trace.epcis.hash.InvalidEventException;
import city.trace.gs1.EpcUrn;
import city.trace.web.Problem;

/**
 * A SimpleEventQuery as the REST binding's query string expresses it, parsed and with every value in the
 * canonical form events are stored in. Values of one parameter are pipe-delimited (or the parameter is
 * repeated) and are alternatives; different parameters must all hold.
 */
public final class EventQuery {

    static final Set<String> EVENT_TYPES = Set.of("ObjectEvent", "AggregationEvent", "TransactionEvent",
            "TransformationEvent", "AssociationEvent");

    /** An identifier condition: one of the values (exact, or a prefix for EPC patterns) in one of the lists. */
    public record Match(Set<IdentifierRole> roles, List<String> exact, List<String> prefixes) {
    }

    private static final Map<String, Set<IdentifierRole>> MATCH_PARAMETERS = Map.of(
            "MATCH_epc", EnumSet.of(IdentifierRole.EPC, IdentifierRole.CHILD),
            "MATCH_parentID", EnumSet.of(IdentifierRole.PARENT),
            "MATCH_inputEPC", EnumSet.of(IdentifierRole.INPUT),
            "MATCH_outputEPC", EnumSet.of(IdentifierRole.OUTPUT),
            "MATCH_anyEPC", IdentifierRole.ANY_EPC,
            "MATCH_epcClass", EnumSet.of(IdentifierRole.CLASS, IdentifierRole.CHILD_CLASS),
            "MATCH_inputEPCClass", EnumSet.of(IdentifierRole.INPUT_CLASS),
            "MATCH_outputEPCClass", EnumSet.of(IdentifierRole.OUTPUT_CLASS),
            "MATCH_anyEPCClass", IdentifierRole.ANY_CLASS);
    private static final CanonicalValues VALUES = new CanonicalValues(Map.of());

    List<String> eventTypes;
    Instant geEventTime;
    Instant ltEventTime;
    Instant geRecordTime;
    Instant ltRecordTime;
    List<String> actions;
    List<String> bizSteps;
    List<String> dispositions;
    List<String> readPoints;
    List<String> bizLocations;
    List<String> transformationIds;
    List<String> eventIds;
    final List<Match> matches = new ArrayList<>();
    int perPage;
    Page page;
    /** When set, only these events (database ids) are considered. */
    Long[] among;

    /** Where a page starts (after this event id) and the newest event the query sees (fixed on page 1). */
    record Page(long after, long newest) {
    }

    private EventQuery() {
    }

    /** The query for an event id (GET /events/{eventID}). */
    public static EventQuery byEventId(String eventId) {
        EventQuery query = new EventQuery();
        query.eventIds = List.of(eventId);
        query.perPage = 1;
        return query;
    }

    /**
     * Parses the query string.
     *
     * @throws InvalidQueryException listing every parameter that is unknown, unsupported or malformed
     */
    public static EventQuery parse(Map<String, List<String>> parameters, int defaultPerPage, int maxPerPage) {
        EventQuery query = new EventQuery();
        Parser parser = new Parser(parameters);
        query.eventTypes = parser.values("eventType", type -> {
            if (!EVENT_TYPES.contains(type)) {
                throw new IllegalArgumentException("unknown event type " + type + "; expected one of " + EVENT_TYPES);
            }
            return type;
        });
        query.geEventTime = parser.time("GE_eventTime");
        query.ltEventTime = parser.time("LT_eventTime");
        query.geRecordTime = parser.time("GE_recordTime");
        query.ltRecordTime = parser.time("LT_recordTime");
        query.actions = parser.values("EQ_action", action -> {
            if (!Set.of("ADD", "OBSERVE", "DELETE").contains(action)) {
                throw new IllegalArgumentException("action must be ADD, OBSERVE or DELETE");
            }
            return action;
        });
        query.bizSteps = parser.values("EQ_bizStep", VALUES::bizStep);
        query.dispositions = parser.values("EQ_disposition", VALUES::disposition);
        query.readPoints = parser.values("EQ_readPoint", VALUES::identifier);
        query.bizLocations = parser.values("EQ_bizLocation", VALUES::identifier);
        query.transformationIds = parser.values("EQ_transformationID", VALUES::identifier);
        query.eventIds = parser.values("EQ_eventID", Function.identity());
        MATCH_PARAMETERS.forEach((name, roles) -> {
            List<String> exact = new ArrayList<>();
            List<String> prefixes = new ArrayList<>();
            parser.values(name, value -> {
                if (EpcUrn.isEpcUrn(value) && value.startsWith("urn:epc:idpat:")) {
                    if (value.indexOf('*') != value.length() - 1) {
                        throw new IllegalArgumentException("only patterns with one trailing * are supported: " + value);
                    }
                    prefixes.add(VALUES.identifier(value));
                } else {
                    exact.add(VALUES.identifier(value));
                }
                return value;
            });
            if (!exact.isEmpty() || !prefixes.isEmpty()) {
                query.matches.add(new Match(roles, exact, prefixes));
            }
        });
        query.perPage = parser.perPage(defaultPerPage, maxPerPage);
        query.page = parser.page(query.fingerprint(parameters));
        parser.rejectUnknown();
        return query;
    }

    /** This query among the events with these database ids, all that match on one page. */
    public EventQuery among(Collection<Long> ids) {
        EventQuery query = copy();
        query.among = ids.toArray(Long[]::new);
        query.perPage = Math.max(1, ids.size());
        query.page = null;
        return query;
    }

    /** This query over the events after {@code afterId} up to {@code throughId}, at most {@code count} of them. */
    public EventQuery window(long afterId, long throughId, int count) {
        EventQuery query = copy();
        query.page = new Page(afterId, throughId);
        query.perPage = count;
        return query;
    }

    /** This query, for events recorded at {@code since} or later too. */
    public EventQuery recordedSince(Instant since) {
        EventQuery query = copy();
        if (query.geRecordTime == null || query.geRecordTime.isBefore(since)) {
            query.geRecordTime = since;
        }
        return query;
    }

    private EventQuery copy() {
        EventQuery query = new EventQuery();
        query.eventTypes = eventTypes;
        query.geEventTime = geEventTime;
        query.ltEventTime = ltEventTime;
        query.geRecordTime = geRecordTime;
        query.ltRecordTime = ltRecordTime;
        query.actions = actions;
        query.bizSteps = bizSteps;
        query.dispositions = dispositions;
        query.readPoints = readPoints;
        query.bizLocations = bizLocations;
        query.transformationIds = transformationIds;
        query.eventIds = eventIds;
        query.matches.addAll(matches);
        query.perPage = perPage;
        query.page = page;
        query.among = among;
        return query;
    }

    /** Identifies the query's conditions, so a page token is only accepted for the query that issued it. */
    String fingerprint(Map<String, List<String>> parameters) {
        Map<String, List<String>> conditions = new TreeMap<>(parameters);
        conditions.remove("nextPageToken");
        conditions.remove("perPage");
        return Integer.toHexString(conditions.toString().hashCode());
    }

    /** The perPage of a listing (the default when absent); an invalid one is a 400. */
    static int perPage(Map<String, List<String>> parameters, int defaultPerPage, int maxPerPage) {
        Parser parser = new Parser(parameters);
        int perPage = parser.perPage(defaultPerPage, maxPerPage);
        if (!parser.errors.isEmpty()) {
            throw new InvalidQueryException(parser.errors);
        }
        return perPage;
    }

    /** The token that continues this query after {@code lastId}. */
    String nextPageToken(long lastId, long newest, String fingerprint) {
        String token = lastId + "." + newest + "." + fingerprint;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.getBytes(StandardCharsets.US_ASCII));
    }

    private static final class Parser {
        private final Map<String, List<String>> parameters;
        private final Set<String> understood = new HashSet<>(Set.of("nextPageToken", "perPage"));
        private final List<Problem.Error> errors = new ArrayList<>();

        Parser(Map<String, List<String>> parameters) {
            this.parameters = parameters;
        }

        <T> List<T> values(String name, Function<String, T> convert) {
            understood.add(name);
            List<String> raw = parameters.get(name);
            if (raw == null) {
                return null;
            }
            List<T> values = new ArrayList<>();
            for (String joined : raw) {
                for (String value : joined.split("\\|", -1)) {
                    if (value.isBlank()) {
                        errors.add(new Problem.Error(name, name + " has an empty value"));
                        continue;
                    }
                    try {
                        values.add(convert.apply(value.strip()));
                    } catch (IllegalArgumentException | InvalidEventException e) {
                        errors.add(new Problem.Error(name, name + ": " + e.getMessage()));
                    }
                }
            }
            return values;
        }

        Instant time(String name) {
            understood.add(name);
            List<String> raw = parameters.get(name);
            if (raw == null) {
                return null;
            }
            if (raw.size() != 1) {
                errors.add(new Problem.Error(name, name + " must be given once"));
                return null;
            }
            try {
                return OffsetDateTime.parse(raw.getFirst().strip()).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(new Problem.Error(name, name + " must be a date-time with a time zone offset, e.g. "
                        + "2026-11-22T10:00:00Z"));
                return null;
            }
        }

        int perPage(int defaultPerPage, int maxPerPage) {
            List<String> raw = parameters.get("perPage");
            if (raw == null) {
                return defaultPerPage;
            }
            try {
                int perPage = Integer.parseInt(raw.getFirst().strip());
                if (perPage >= 1 && perPage <= maxPerPage) {
                    return perPage;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            errors.add(new Problem.Error("perPage", "perPage must be a whole number from 1 to " + maxPerPage));
            return defaultPerPage;
        }

        Page page(String fingerprint) {
            List<String> raw = parameters.get("nextPageToken");
            if (raw == null) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(raw.getFirst().strip()),
                        StandardCharsets.US_ASCII).split("\\.");
                if (parts.length == 3 && parts[2].equals(fingerprint)) {
                    return new Page(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            errors.add(new Problem.Error("nextPageToken",
                    "nextPageToken is not valid for this query; repeat the query without it to start over"));
            return null;
        }

        void rejectUnknown() {
            parameters.keySet().stream().filter(name -> !understood.contains(name)).sorted().forEach(name -> errors.add(
                    new Problem.Error(name, name + " is not a query parameter this repository supports")));
            if (!errors.isEmpty()) {
                throw new InvalidQueryException(errors);
            }
        }
    }
}
