package city.trace.web;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.OidcRedirectFilter;
import io.quarkus.oidc.Redirect;

/**
 * Opens the login server's pages in the visitor's language (OpenID Connect's {@code ui_locales}): the one the
 * app's pages are in, chosen with the switcher or read from the browser. The realm offers the same languages.
 */
@ApplicationScoped
@Unremovable // looked up by quarkus-oidc, never injected
@Redirect(Redirect.Location.OIDC_AUTHORIZATION)
public class LoginLanguage implements OidcRedirectFilter {

    @Override
    public void filter(OidcRedirectContext context) {
        Locale language = PageLanguage.of(context.routingContext().request());
        context.additionalQueryParams().add("ui_locales", loginServerTag(language));
    }

    /** The language as Keycloak names it: Simplified Chinese is zh-Hans there, plain zh here. */
    static String loginServerTag(Locale language) {
        return language.getLanguage().equals("zh") ? "zh-Hans" : language.toLanguageTag();
    }
}
