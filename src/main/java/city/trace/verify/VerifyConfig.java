package city.trace.verify;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The public side: GS1 Digital Links, QR codes and the verification pages consumers see. */
@ConfigMapping(prefix = "citytrace.verify")
public interface VerifyConfig {

    /**
     * How long a rendered verification page is served from memory. Pages are checked against the chain anew
     * after it, so a record changed behind the app's back shows as tampered within this time.
     */
    @WithDefault("5s")
    Duration pageCacheTtl();

    /**
     * How much memory the kept pages may take (compressed, ~5 KB a page): visitors of many different lots fill it
     * with pages nobody asks for again, which must not exhaust the heap; the soonest to expire go first.
     */
    @WithDefault("16M")
    MemorySize pageCacheSize();

    /**
     * How many public pages are built at once (each holds a database connection while it reads its journey);
     * further visitors wait their turn. Below the connection pool, so capture and forms always find one.
     */
    @WithDefault("8")
    int concurrentBuilds();

    /** How deep the journey follows inputs through transformations (flour → wheat → …). */
    @WithDefault("8")
    int maxUpstreamDepth();
}
