package city.trace.support;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Cookie handling as browsers do it for http://localhost, which they treat as a secure context: cookies
 * marked Secure (Keycloak marks its login cookies so) are still sent there. Java's CookieManager would drop
 * them over plain HTTP, breaking the login flow in tests.
 */
public final class LocalhostBrowserCookies extends CookieHandler {

    private final CookieManager cookies = new CookieManager();

    /** The cookies held for {@code uri}, by name. */
    public Map<String, String> of(URI uri) {
        return cookies.getCookieStore().get(uri).stream()
                .collect(Collectors.toMap(HttpCookie::getName, HttpCookie::getValue, (first, second) -> second));
    }

    /** The cookie {@code name} held for {@code uri}, with what is left of its lifetime. */
    public Optional<HttpCookie> find(URI uri, String name) {
        return cookies.getCookieStore().get(uri).stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
        return cookies.get(uri, requestHeaders);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
        if (!"localhost".equals(uri.getHost())) {
            cookies.put(uri, responseHeaders);
            return;
        }
        cookies.put(uri, responseHeaders.entrySet().stream().filter(e -> e.getKey() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getKey().equalsIgnoreCase("Set-Cookie")
                        ? e.getValue().stream().map(c -> c.replaceAll("(?i);\\s*Secure", "")).toList()
                        : e.getValue())));
    }
}
