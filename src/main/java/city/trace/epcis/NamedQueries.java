package city.trace.epcis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import city.trace.org.Organization;
import city.trace.web.Problem;

/** Creates and deletes named queries, and reads their definitions as the query interface's parameters. */
@ApplicationScoped
public class NamedQueries {

    /** A name that is a path segment as it is. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._~-]{1,100}");

    @Inject
    EpcisConfig config;

    /**
     * Stores a query under a name.
     *
     * @param owner the creator's organisation, null for a regulator
     * @throws InvalidQueryException when the name or the query is invalid (nothing is stored)
     * @throws ClientErrorException  409 when the name is taken
     */
    @Transactional
    public NamedQuery create(JsonNode body, Organization owner, String createdBy) {
        String name = body == null ? null : body.path("name").asText(null);
        if (name == null || !NAME.matcher(name).matches()) {
            throw invalid("name", "name must be 1 to 100 letters, digits or . _ ~ -");
        }
        JsonNode definition = body.get("query");
        EventQuery.parse(parameters(definition), config.defaultPerPage(), config.maxPerPage());
        if (NamedQuery.findByName(name).isPresent()) {
            throw new ClientErrorException("A query named " + name + " exists already", Response.Status.CONFLICT);
        }
        NamedQuery query = new NamedQuery();
        query.name = name;
        query.definition = definition.toString();
        query.organization = owner;
        query.createdBy = createdBy;
        query.createdAt = Instant.now();
        query.persist();
        return query;
    }

    /**
     * Deletes a query; only its creator's organisation may (regulators theirs).
     *
     * @param deleter the deleting member's organisation, null for a regulator
     */
    @Transactional
    public void delete(String name, Organization deleter) {
        NamedQuery query = NamedQuery.findByName(name)
                .orElseThrow(() -> new NotFoundException("No query named " + name));
        Long owner = query.organization == null ? null : query.organization.id;
        if (!Objects.equals(owner, deleter == null ? null : deleter.id)) {
            throw new ForbiddenException("Only its creator's organisation may delete query " + name);
        }
        query.delete();
    }

    /**
     * A query definition as the query interface's parameters: each value, or each of a list of values, as text.
     *
     * @throws InvalidQueryException when it is no object of such values, or names perPage or nextPageToken
     */
    public static Map<String, List<String>> parameters(JsonNode definition) {
        if (definition == null || !definition.isObject()) {
            throw invalid("query", "query must be a JSON object of query parameters, e.g. {\"eventType\": "
                    + "[\"ObjectEvent\"]}");
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        List<Problem.Error> errors = new ArrayList<>();
        definition.properties().forEach(parameter -> {
            String name = parameter.getKey();
            List<String> values = new ArrayList<>();
            for (JsonNode value : parameter.getValue().isArray() ? parameter.getValue() : List.of(parameter.getValue())) {
                if (value.isValueNode() && !value.isNull()) {
                    values.add(value.asText());
                } else {
                    errors.add(new Problem.Error("/query/" + name, name + " must be a value or a list of values"));
                }
            }
            if (name.equals("perPage") || name.equals("nextPageToken")) {
                errors.add(new Problem.Error("/query/" + name, name + " belongs to a request, not to a query"));
            }
            parameters.put(name, values);
        });
        if (!errors.isEmpty()) {
            throw new InvalidQueryException(errors);
        }
        return parameters;
    }

    private static InvalidQueryException invalid(String field, String detail) {
        return new InvalidQueryException(List.of(new Problem.Error("/" + field, detail)));
    }
}
