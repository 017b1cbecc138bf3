package city.trace.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a body announced larger than the server takes ({@code quarkus.http.limits.max-body-size}) with a 413
 * problem that names the limit, instead of Quarkus's empty one: this route runs just before Quarkus's own
 * check (order -2). The body is not read, so the connection is closed after the answer, as Quarkus does.
 * A problem for every client, even browsers: no CityTrace page sends bodies near the limit (forms are a few
 * KB), and the page layout needs the request context that Quarkus has not started at this point.
 */
@ApplicationScoped
public class BodySizeLimit {

    private static final int BEFORE_QUARKUS_CHECK = -3;
    private static final long MIB = 1024 * 1024;

    private final long limit;

    BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(BEFORE_QUARKUS_CHECK).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        long announced = contentLength(ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        if (announced <= limit) {
            ctx.next();
            return;
        }
        String path = ctx.request().path();
        String size = limit % MIB == 0 ? " (" + limit / MIB + " MiB)" : "";
        Problem problem = Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "The body has " + announced
                + " bytes; this server takes at most " + limit + " bytes" + size + " per request", path);
        ctx.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").endHandler(ignored -> ctx.request().connection().close())
                .end(Json.encode(problem));
    }

    private static long contentLength(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1; // Vert.x refuses a malformed length itself
        }
    }
}
