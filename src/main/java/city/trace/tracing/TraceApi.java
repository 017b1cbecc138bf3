package city.trace.tracing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import city.trace.epcis.QueryScope;
import city.trace.gs1.DigitalLink;
import city.trace.access.AccessAction;
import city.trace.access.AccessLog;
import city.trace.org.CurrentMember;

/** The trace as JSON, for programs of signed-in members: the same walk, nodes, links and events as the page. */
@Path("/api/trace")
@RolesAllowed({ CurrentMember.REGULATOR, CurrentMember.MANUFACTURER })
@Produces(MediaType.APPLICATION_JSON)
public class TraceApi {

    @Inject
    TraceService traces;

    @Inject
    CurrentMember member;

    @Inject
    AccessLog accessLog;

    @GET
    @Path("/{path: 0[01]/.+}")
    @Operation(summary = "Trace a lot, item or logistic unit backward (inputs, origins) or forward (what was made "
            + "from it, where it went), within what the caller may see")
    public Trace identifier(@PathParam("path") String path, @QueryParam("direction") String direction) {
        return trace(digitalLink(path), direction);
    }

    @GET
    @Operation(summary = "Trace from a Digital Link, EPC URN or event ID (?from=…)")
    public Trace from(@QueryParam("from") String from, @QueryParam("direction") String direction) {
        return trace(from, direction);
    }

    private Trace trace(String from, String direction) {
        Direction way = Direction.of(direction);
        QueryScope scope = QueryScope.of(member);
        Trace trace = found(traces.trace(traces.start(from, scope), way, scope), from);
        accessLog.record(AccessAction.TRACE, trace.eventCount(), trace.organizations());
        return trace;
    }

    /** 404 when nothing the caller may see names where the trace started. */
    static Trace found(Trace trace, String from) {
        if (trace.events().isEmpty() && trace.claims().isEmpty()) {
            throw new NotFoundException("Nothing you may see is recorded about " + from);
        }
        return trace;
    }

    /** A Digital Link path's canonical URI (01/{gtin}/10/{lot} → https://id.gs1.org/01/{gtin}/10/{lot}). */
    static String digitalLink(String path) {
        return DigitalLink.CANONICAL_DOMAIN + "/" + path;
    }

    static String url(String from, Direction direction) {
        return "/api/trace?from=" + URLEncoder.encode(from, StandardCharsets.UTF_8) + "&direction=" + direction.code();
    }
}
