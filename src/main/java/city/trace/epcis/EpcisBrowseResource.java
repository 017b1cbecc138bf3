package city.trace.epcis;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import city.trace.epcis.hash.Vocabulary;
import city.trace.org.CurrentMember;
import io.quarkus.security.Authenticated;

/**
 * The REST binding's discovery and browse resources: OPTIONS and GET on /epcis, and for event types, business
 * steps, dispositions, read points, business locations and EPCs the values the member's events hold (paged), each
 * value's sub-resources and its events. Answers are JSON-LD collections ({"type": "Collection", "member": […]}).
 */
@Path("/epcis")
@Authenticated
@Tag(name = "EPCIS query")
@Produces({ MediaType.APPLICATION_JSON, EpcisDocuments.MEDIA_TYPE })
public class EpcisBrowseResource {

    /** The top-level resources this repository has (query subscriptions are not offered yet). */
    static final List<String> TOP_LEVEL = List.of("queries", "capture", "events", "eventTypes", "epcs", "bizSteps",
            "bizLocations", "readPoints", "dispositions");

    @Inject
    EventQueryRepository events;

    @Inject
    CurrentMember member;

    @Inject
    EpcisConfig config;

    @Inject
    EventPages pages;

    @OPTIONS
    @Operation(summary = "Discovery: the EPCIS and CBV versions (headers) and the methods of the root")
    public Response discovery() {
        // the version headers are on every answer under /epcis (EpcisHeaders)
        return Response.noContent().header("Allow", "OPTIONS, GET").build();
    }

    @OPTIONS
    @Path("/{resource: events|eventTypes|epcs|bizSteps|dispositions|readPoints|bizLocations}{below: (/.+)?}")
    @Operation(summary = "Discovery of a read-only resource: its methods and the versions (headers)")
    public Response readOnlyDiscovery() {
        return discovery();
    }

    @GET
    @Operation(summary = "The top-level resources of this repository")
    public Map<String, Object> topLevel() {
        return collection(TOP_LEVEL);
    }

    @GET
    @Path("/eventTypes")
    @Operation(summary = "The event types this repository holds")
    public Map<String, Object> eventTypes() {
        return collection(EventQuery.EVENT_TYPES.stream().sorted().toList());
    }

    @GET
    @Path("/eventTypes/{eventType}")
    @Operation(summary = "The sub-resources of an event type: its events")
    public Map<String, Object> eventType(@PathParam("eventType") String eventType) {
        if (!EventQuery.EVENT_TYPES.contains(eventType)) {
            throw new NotFoundException("No event type " + eventType + "; the types are "
                    + EventQuery.EVENT_TYPES.stream().sorted().toList());
        }
        return collection(List.of("events"));
    }

    @GET
    @Path("/eventTypes/{eventType}/events")
    @Produces({ MediaType.APPLICATION_JSON, EpcisDocuments.MEDIA_TYPE, MediaType.APPLICATION_XML })
    @Operation(summary = "Events of an event type")
    public Response eventsOfType(@PathParam("eventType") String eventType, @Context UriInfo uri) {
        eventType(eventType);
        return pages.page("eventType", eventType, uri);
    }

    @GET
    @Path("/{resource: bizSteps|dispositions|readPoints|bizLocations|epcs}")
    @Operation(summary = "The values of business steps, dispositions, read points, business locations or EPCs that "
            + "your events hold, paged with perPage and nextPageToken")
    public Response values(@PathParam("resource") String resource, @Context UriInfo uri) {
        Browsed browsed = browsed(resource);
        boolean terms = browsed == Browsed.BIZ_STEPS || browsed == Browsed.DISPOSITIONS;
        return KeyPages.page(uri, config, (after, count) -> events.distinct(browsed, after, count, QueryScope.of(member)),
                value -> value, page -> collection(terms ? page.stream().map(Vocabulary::bareTerm).toList() : page));
    }

    @GET
    @Path("/{resource: bizSteps|dispositions|readPoints|bizLocations|epcs}/{value: .+}")
    @Operation(summary = "The sub-resources of a value: its events")
    public Map<String, Object> value(@PathParam("resource") String resource, @PathParam("value") String value) {
        browsed(resource);
        return collection(List.of("events"));
    }

    @GET
    @Path("/{resource: bizSteps|dispositions|readPoints|bizLocations}/{value: .+}/events")
    @Produces({ MediaType.APPLICATION_JSON, EpcisDocuments.MEDIA_TYPE, MediaType.APPLICATION_XML })
    @Operation(summary = "Events with this business step, disposition, read point or business location")
    public Response eventsOf(@PathParam("resource") String resource, @PathParam("value") String value,
            @Context UriInfo uri) {
        return pages.page(browsed(resource).parameter, value, uri);
    }

    private static Browsed browsed(String resource) {
        for (Browsed browsed : Browsed.values()) {
            if (browsed.resource.equals(resource)) {
                return browsed;
            }
        }
        throw new NotFoundException("No resource /epcis/" + resource);
    }

    private static Map<String, Object> collection(List<String> members) {
        return Map.of("@context", List.of(EpcisDocuments.CONTEXT), "type", "Collection", "member", members);
    }
}
