package city.trace.verify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import city.trace.batch.Batch;
import city.trace.config.VerifyConfig;
import city.trace.gs1.DigitalLink;

/** The addresses consumers reach this resolver at: what goes into QR codes and linksets. */
@ApplicationScoped
public class PublicLinks {

    @Inject
    VerifyConfig config;

    /** {public-base}/01/{gtin}/10/{lot}: the batch's GS1 Digital Link on this resolver. */
    public String of(Batch batch) {
        return of(DigitalLink.lot(batch.product.gtin, batch.lot));
    }

    public String of(DigitalLink link) {
        return of(link.path());
    }

    /** A path of this resolver as a public URL. */
    public String of(String path) {
        return config.publicBaseUrl() + path;
    }
}
