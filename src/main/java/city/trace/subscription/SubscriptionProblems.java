package city.trace.subscription;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import city.trace.web.Problem;

/** Subscription requests refused, as the REST binding's SubscriptionControlsException. */
public class SubscriptionProblems {

    @ServerExceptionMapper
    public Response invalid(SubscriptionControlsException e, UriInfo uri) {
        return new Problem("epcisException:SubscriptionControlsException", "Subscription error", 400, e.getMessage(),
                uri.getPath(), e.errors()).toResponse();
    }
}
