package city.trace.label;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where consumers reach this resolver: what QR codes, labels, linksets and proof bundles carry. */
@ConfigMapping(prefix = "citytrace.public")
public interface PublicConfig {

    /**
     * The base URL that goes into QR codes and Digital Links ({base}/01/{gtin}/10/{lot}): the address consumers'
     * phones reach this resolver at. Without it, this machine's HTTP port on localhost (enough for a demo).
     */
    @WithDefault("http://localhost:${quarkus.http.port}")
    String baseUrl();
}
