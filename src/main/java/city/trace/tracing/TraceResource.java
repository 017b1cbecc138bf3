package city.trace.tracing;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import city.trace.epcis.QueryScope;
import city.trace.access.AccessAction;
import city.trace.access.AccessLog;
import city.trace.org.CurrentMember;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The trace page: from a lot (or item, logistic unit, event) backward to every input and origin, or forward to
 * everything made from it and everywhere it went, as a graph and tables. Regulators see the whole consortium,
 * manufacturers what they may query.
 */
@Path("/trace")
@RolesAllowed({ CurrentMember.REGULATOR, CurrentMember.MANUFACTURER })
public class TraceResource {

    @CheckedTemplate
    static class Templates {
        /** {@code trace} and {@code graph} are null until something is asked. */
        static native TemplateInstance trace(String from, Direction direction, Trace trace, TraceGraph graph, String api,
                Map<String, String> exportParameters);
    }

    @Inject
    TraceService traces;

    @Inject
    TraceConfig config;

    @Inject
    CurrentMember member;

    @Inject
    AccessLog accessLog;

    /** The form, or the trace of what it asked ({@code ?from=…&direction=…}, bookmarkable). */
    @GET
    public TemplateInstance trace(@QueryParam("from") String from, @QueryParam("direction") String direction) {
        Direction way = Direction.of(direction);
        if (from == null) {
            return Templates.trace(null, way, null, null, null, null);
        }
        return page(from, way);
    }

    /** The trace of a Digital Link path: /trace/01/{gtin}/10/{lot}, /trace/00/{sscc}… */
    @GET
    @Path("/{path: 0[01]/.+}")
    public TemplateInstance identifier(@PathParam("path") String path, @QueryParam("direction") String direction) {
        return page(TraceApi.digitalLink(path), Direction.of(direction));
    }

    /** The trace's parameters, in the order its export links carry them. */
    private static Map<String, String> exportParameters(String from, Direction direction) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("from", from);
        parameters.put("direction", direction.code());
        return parameters;
    }

    private TemplateInstance page(String from, Direction direction) {
        // the member's scope is read once: it costs a query for a manufacturer's GTINs
        QueryScope scope = QueryScope.of(member);
        Trace trace = TraceApi.found(traces.trace(traces.start(from, scope), direction, scope), from);
        accessLog.record(AccessAction.TRACE, trace.eventCount(), trace.organizations());
        return Templates.trace(from, direction, trace, TraceGraph.of(trace, config.maxDrawnNodes()),
                TraceApi.url(from, direction), exportParameters(from, direction));
    }
}
