package city.trace.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who may read /q/metrics (see city.trace.web.MetricsAccess). */
@ConfigMapping(prefix = "citytrace.metrics")
public interface MetricsConfig {

    /**
     * Opens /q/metrics to everyone, for a local setup. Off by default: then only callers with the realm role
     * operator read them (Prometheus with the citytrace-metrics client's token).
     */
    @WithDefault("false")
    boolean open();
}
