package city.trace.epcis;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import city.trace.org.CurrentMember;
import city.trace.org.Organization;
import io.quarkus.security.Authenticated;

/**
 * Named queries of the REST binding: a query's parameters stored under a name ({@code POST /epcis/queries}
 * with {"name": …, "query": {…}}), listed, read, deleted by their creator's organisation, and run
 * ({@code /epcis/queries/{name}/events}) within what the caller may see.
 */
@Path("/epcis/queries")
@Authenticated
@Tag(name = "EPCIS query")
@Produces({ MediaType.APPLICATION_JSON, EpcisDocuments.MEDIA_TYPE })
public class NamedQueryResource {

    /** A named query as the binding writes one. */
    public record Definition(String name, JsonNode query) {
    }

    @Inject
    NamedQueries queries;

    @Inject
    EventPages pages;

    @Inject
    CurrentMember member;

    @Inject
    EpcisConfig config;

    @Inject
    ObjectMapper json;

    @OPTIONS
    @Operation(summary = "Discovery of the named queries resource")
    public Response discovery() {
        return Response.noContent().header("Allow", "OPTIONS, GET, POST").build();
    }

    @GET
    @Operation(summary = "The named queries, by name, paged with perPage and nextPageToken")
    public Response list(@Context UriInfo uri) {
        return KeyPages.page(uri, config, NamedQuery::listAfter, query -> query.name,
                page -> page.stream().map(this::definition).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Creates a named query: {\"name\": \"myQuery\", \"query\": {\"eventType\": [\"ObjectEvent\"]}}")
    public Response create(JsonNode body) {
        NamedQuery query = queries.create(body, owner(), member.getUsername());
        return Response.created(URI.create("/epcis/queries/" + query.name)).entity(definition(query)).build();
    }

    @GET
    @Path("/{queryName}")
    @Operation(summary = "The named query's definition")
    public Definition get(@PathParam("queryName") String name) {
        return definition(find(name));
    }

    @DELETE
    @Path("/{queryName}")
    @Operation(summary = "Deletes a named query (its creator's organisation only)")
    public Response delete(@PathParam("queryName") String name) {
        queries.delete(name, owner());
        return Response.noContent().build();
    }

    @GET
    @Path("/{queryName}/events")
    @Produces({ MediaType.APPLICATION_JSON, EpcisDocuments.MEDIA_TYPE, MediaType.APPLICATION_XML })
    @Operation(summary = "The events the named query finds among those you may see, paged with perPage and nextPageToken")
    public Response run(@PathParam("queryName") String name, @Context UriInfo uri) {
        return pages.page(NamedQueries.parameters(parse(find(name).definition)), uri);
    }

    private static NamedQuery find(String name) {
        return NamedQuery.findByName(name).orElseThrow(() -> new NotFoundException("No query named " + name));
    }

    private Organization owner() {
        return member.isRegulator() ? null : member.organization();
    }

    private Definition definition(NamedQuery query) {
        return new Definition(query.name, parse(query.definition));
    }

    private JsonNode parse(String definition) {
        try {
            return json.readTree(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a named query's definition is not the JSON the app wrote", e);
        }
    }
}
