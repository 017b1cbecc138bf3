package city.trace.subscription;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import city.trace.epcis.EpcisConfig;
import city.trace.epcis.InvalidQueryException;
import city.trace.epcis.KeyPages;
import city.trace.epcis.NamedQuery;
import city.trace.org.CurrentMember;
import city.trace.org.Organization;
import city.trace.web.Problem;
import io.quarkus.security.Authenticated;

/**
 * Webhook subscriptions to a named query, as the REST binding defines them: each member sees and ends only its
 * organisation's own (regulators theirs); the signatureToken is never shown back.
 */
@Path("/epcis/queries/{queryName}/subscriptions")
@Authenticated
@Tag(name = "EPCIS subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    /** A subscription as the binding describes one, with how its deliveries stand. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(String subscriptionID, String queryName, String dest, Boolean stream,
            Map<String, String> schedule, Boolean reportIfEmpty, Instant initialRecordTime, Instant minRecordTime,
            Instant createdAt, Instant lastNotifiedAt, boolean signed, Deliveries deliveries) {
    }

    /** How many notifications wait, were acknowledged, or gave up; and the last failure's reason. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Deliveries(long pending, long delivered, long deadLetters, String lastError) {
    }

    /** A notification that gave up: the subscriber may ask for it again once its endpoint works. */
    public record DeadLetter(long notificationID, Instant createdAt, int eventCount, int attempts, String lastError) {
    }

    @Inject
    Subscriptions subscriptions;

    @Inject
    SubscriptionQueries queries;

    @Inject
    CurrentMember member;

    @Inject
    EpcisConfig config;

    @OPTIONS
    @Operation(summary = "Discovery of a query's subscriptions")
    public Response discovery(@PathParam("queryName") String queryName) {
        query(queryName);
        return Response.noContent().header("Allow", "OPTIONS, GET, POST").build();
    }

    @GET
    @Operation(summary = "Your organisation's subscriptions to the query, paged with perPage and nextPageToken")
    public Response list(@PathParam("queryName") String queryName, @Context UriInfo uri) {
        NamedQuery query = query(queryName);
        Organization holder = holder();
        return KeyPages.page(uri, config, (after, count) -> Subscription.listOf(query, holder, after(after), count),
                subscription -> subscription.subscriptionId.toString(),
                page -> page.stream().map(this::view).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribes a webhook: {\"dest\": \"https://…\", \"signatureToken\": \"…\", \"stream\": true} "
            + "or with \"schedule\": {\"hour\": \"1\", \"minute\": \"5\"}")
    public Response subscribe(@PathParam("queryName") String queryName, JsonNode body) {
        Subscription subscription = subscriptions.subscribe(queryName, body, holder(), member.getUsername());
        return Response.created(URI.create(path(subscription))).entity(view(subscription)).build();
    }

    @OPTIONS
    @Path("/{subscriptionID}")
    @Operation(summary = "Discovery of a subscription")
    public Response subscriptionDiscovery(@PathParam("queryName") String queryName,
            @PathParam("subscriptionID") String subscriptionId) {
        find(queryName, subscriptionId);
        return Response.noContent().header("Allow", "OPTIONS, GET, DELETE").build();
    }

    @GET
    @Path("/{subscriptionID}")
    @Operation(summary = "A subscription, with how its deliveries stand")
    public View get(@PathParam("queryName") String queryName, @PathParam("subscriptionID") String subscriptionId) {
        return view(find(queryName, subscriptionId));
    }

    @DELETE
    @Path("/{subscriptionID}")
    @Operation(summary = "Unsubscribes")
    public Response unsubscribe(@PathParam("queryName") String queryName,
            @PathParam("subscriptionID") String subscriptionId) {
        subscriptions.unsubscribe(queryName, id(subscriptionId), holder());
        return Response.noContent().build();
    }

    @GET
    @Path("/{subscriptionID}/deadLetters")
    @Operation(summary = "The subscription's notifications that gave up, oldest first (up to 100)")
    public List<DeadLetter> deadLetters(@PathParam("queryName") String queryName,
            @PathParam("subscriptionID") String subscriptionId) {
        return Notification.deadLetters(find(queryName, subscriptionId), 100).stream()
                .map(n -> new DeadLetter(n.id, n.createdAt, n.eventCount, n.attempts, n.lastError)).toList();
    }

    @POST
    @Path("/{subscriptionID}/deadLetters/retry")
    @Operation(summary = "Sends the subscription's dead letters again, in order, with fresh attempts")
    public Map<String, Integer> retry(@PathParam("queryName") String queryName,
            @PathParam("subscriptionID") String subscriptionId) {
        return Map.of("retried", subscriptions.redeliver(queryName, id(subscriptionId), holder()));
    }

    private View view(Subscription s) {
        Notification failed = Notification.lastFailed(s);
        Deliveries deliveries = new Deliveries(Notification.countIn(s, Notification.State.PENDING),
                Notification.countIn(s, Notification.State.DELIVERED),
                Notification.countIn(s, Notification.State.DEAD_LETTER), failed == null ? null : failed.lastError);
        return new View(s.subscriptionId.toString(), s.namedQuery.name, s.dest, s.stream ? true : null,
                s.stream ? null : queries.schedule(s).fields(), s.stream ? null : s.reportIfEmpty, s.initialRecordTime,
                s.lastRunAt != null ? s.lastRunAt : s.initialRecordTime, s.createdAt, s.lastNotifiedAt,
                s.signatureToken != null, deliveries);
    }

    private static String path(Subscription s) {
        return "/epcis/queries/" + s.namedQuery.name + "/subscriptions/" + s.subscriptionId;
    }

    private Subscription find(String queryName, String subscriptionId) {
        return Subscriptions.find(queryName, id(subscriptionId), holder());
    }

    private static NamedQuery query(String name) {
        return NamedQuery.findByName(name).orElseThrow(() -> new NotFoundException("No query named " + name));
    }

    private static UUID id(String subscriptionId) {
        try {
            return UUID.fromString(subscriptionId);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No subscription " + subscriptionId);
        }
    }

    /** The subscriptionID a page continues after ("" for the first page: the lowest). */
    private static UUID after(String key) {
        try {
            return key.isEmpty() ? new UUID(0, 0) : UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(List.of(new Problem.Error("nextPageToken",
                    "nextPageToken is not one this repository gave")));
        }
    }

    private Organization holder() {
        return member.isRegulator() ? null : member.organization();
    }
}
