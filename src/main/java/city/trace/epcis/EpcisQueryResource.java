package city.trace.epcis;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import city.trace.org.CurrentMember;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;

/**
 * The EPCIS 2.0 query interface (REST binding): events by query parameters, by eventID and by EPC (the browse
 * resources are in EpcisBrowseResource). Members of the consortium see their organisation's events and those
 * about their products; regulators see all. The binding's version headers are on every answer here (EpcisHeaders).
 */
@Path("/epcis")
@Authenticated
@Tag(name = "EPCIS query")
@Produces({ MediaType.APPLICATION_JSON, EpcisDocuments.MEDIA_TYPE, MediaType.APPLICATION_XML })
public class EpcisQueryResource {

    @Inject
    EventQueryRepository events;

    @Inject
    EventPages pages;

    @Inject
    CurrentMember member;

    @GET
    @Path("/events")
    @Operation(summary = "Events matching the query parameters (SimpleEventQuery), paged with perPage and nextPageToken")
    public Response events(@Context UriInfo uri) {
        return pages.page(Map.of(), uri);
    }

    @GET
    @Path("/events/{eventID: .+}")
    @Operation(summary = "The event with this eventID (percent-encoded, or as it is)")
    public Response event(@PathParam("eventID") String ignored, @Context HttpServerRequest request) {
        String eventId = EventIds.fromPath(request, "/events/");
        EventQueryRepository.Page page = events.find(EventQuery.byEventId(eventId), QueryScope.of(member), Map.of());
        if (page.events().isEmpty()) {
            throw new NotFoundException("No event " + eventId + " that you may see");
        }
        return Response.ok(new QueryDocument(EpcisDocuments.queryDocument(page.events(), page.namespaces()))).build();
    }

    @GET
    @Path("/epcs/{epc: .+}/events")
    @Operation(summary = "Events that name this EPC in any of their lists (MATCH_anyEPC)")
    public Response eventsOfEpc(@PathParam("epc") String epc, @Context UriInfo uri) {
        return pages.page("MATCH_anyEPC", epc, uri);
    }
}
