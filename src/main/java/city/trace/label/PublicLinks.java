package city.trace.label;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import city.trace.gs1.DigitalLink;

/** The addresses consumers reach this resolver at: what goes into QR codes and linksets. */
@ApplicationScoped
public class PublicLinks {

    @Inject
    PublicConfig config;

    /** {public-base}/01/{gtin}/10/{lot}: a GS1 Digital Link on this resolver. */
    public String of(DigitalLink link) {
        return of(link.path());
    }

    /** A path of this resolver as a public URL. */
    public String of(String path) {
        return config.baseUrl() + path;
    }
}
