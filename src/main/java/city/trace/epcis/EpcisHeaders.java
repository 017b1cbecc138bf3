package city.trace.epcis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import city.trace.epcis.EpcisConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * The headers the EPCIS REST binding puts on every answer of the interface: its versions, and on capture its
 * limits. They are set as the answer leaves, whoever gives it (a resource, an exception mapper, the
 * authentication challenge, the not-found handler), so that errors carry them too.
 */
@ApplicationScoped
public class EpcisHeaders {

    private static final String EPCIS_VERSION = "2.0.0";
    private static final String CBV_VERSION = "2.0.0";
    /** Before authentication (200), so that its 401 answers pass here too. */
    private static final int PRIORITY = 250;

    private final EpcisConfig config;

    EpcisHeaders(EpcisConfig config) {
        this.config = config;
    }

    void register(@Observes Filters filters) {
        filters.register(this::onAnswer, PRIORITY);
    }

    private void onAnswer(RoutingContext context) {
        String path = context.normalizedPath();
        if (isUnder(path, "/epcis")) {
            boolean capture = isUnder(path, "/epcis/capture");
            context.addHeadersEndHandler(ignored -> {
                MultiMap headers = context.response().headers();
                headers.set("GS1-EPCIS-Version", EPCIS_VERSION).set("GS1-CBV-Version", CBV_VERSION);
                if (capture) {
                    headers.set("GS1-EPCIS-Capture-Limit", String.valueOf(config.captureLimit()))
                            .set("GS1-EPCIS-Capture-File-Size-Limit", String.valueOf(config.captureFileSizeLimit()));
                }
            });
        }
        context.next();
    }

    private static boolean isUnder(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
