package city.trace.config;

import city.trace.epcis.hash.HashVersion;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The EPCIS capture and query interface. */
@ConfigMapping(prefix = "citytrace.epcis")
public interface EpcisConfig {

    /** Most events one capture may carry (advertised as GS1-EPCIS-Capture-Limit). */
    @WithDefault("10000")
    int captureLimit();

    /** Largest capture body in bytes (advertised as GS1-EPCIS-Capture-File-Size-Limit). */
    @WithDefault("20971520")
    long captureFileSizeLimit();

    /** The Event Hash ID version used for events' fingerprints. */
    @WithDefault("CBV2_0")
    HashVersion hashVersion();

    /** Events per query page when the client does not say (perPage). */
    @WithDefault("30")
    int defaultPerPage();

    /** Upper limit of perPage. */
    @WithDefault("1000")
    int maxPerPage();

    /** Time zone of the sites, for the eventTimeZoneOffset of events the pages record. */
    @WithDefault("Europe/Amsterdam")
    String siteTimeZone();
}
