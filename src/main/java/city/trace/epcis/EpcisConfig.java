package city.trace.epcis;

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

    /**
     * Deepest nesting of JSON objects and arrays in a body of capture or of the event hash (EPCIS documents
     * need about 8 levels).
     */
    @WithDefault("32")
    int maxJsonDepth();

    /** Longest JSON number in such a body, in characters. */
    @WithDefault("64")
    int maxJsonNumberLength();

    /** Longest JSON string or property name in such a body, in characters. */
    @WithDefault("65536")
    int maxJsonStringLength();

    /** Requests a client address may send to the public /api/event-hash at once, before the rate applies. */
    @WithDefault("10")
    int eventHashBurst();

    /**
     * Requests per minute a client address may send to /api/event-hash in the long run (a document at the
     * capture limit, 10,000 events, takes about 0.7 s of a core: one client then keeps at most a third of one
     * busy).
     */
    @WithDefault("30")
    int eventHashRequestsPerMinute();

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
