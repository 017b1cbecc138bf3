package city.trace.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.qute.EngineBuilder;

/**
 * Gives every page the visitor's language: each template made while answering a request starts in
 * {@link CurrentPage#locale()} (a page may still choose its own), and a language picked with the switcher is
 * remembered in a cookie for the next pages, signed in or not.
 */
@ApplicationScoped
public class LanguageChoice {

    private static final int A_YEAR = 365 * 24 * 3600;

    void startTemplatesInPageLanguage(@Observes EngineBuilder engine) {
        engine.addTemplateInstanceInitializer(template -> {
            ArcContainer container = Arc.container();
            if (container != null && container.requestContext().isActive()) {
                template.setLocale(container.instance(CurrentPage.class).get().locale());
            }
        });
    }

    @ServerResponseFilter
    public void remember(ContainerRequestContext request, ContainerResponseContext response) {
        PageLanguage.supported(request.getUriInfo().getQueryParameters().getFirst(PageLanguage.PARAMETER))
                .ifPresent(chosen -> response.getHeaders().add(HttpHeaders.SET_COOKIE,
                        new NewCookie.Builder(PageLanguage.COOKIE).value(chosen.getLanguage()).path("/")
                                .maxAge(A_YEAR).sameSite(NewCookie.SameSite.LAX).build()));
    }
}
