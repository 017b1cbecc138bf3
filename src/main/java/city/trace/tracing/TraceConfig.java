package city.trace.tracing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Regulators' and manufacturers' traces. */
@ConfigMapping(prefix = "citytrace.trace")
public interface TraceConfig {

    /** How many lots, items and logistic units a trace reaches at most; the page says when it stopped there. */
    @WithDefault("20000")
    int maxNodes();

    /** How many of them the page's graph draws (nearest first); its table lists all. */
    @WithDefault("150")
    int maxDrawnNodes();

    /**
     * How many of a trace's events (oldest first) its page and API list; every one is verified for its lots'
     * states, and an export holds them all. A salt lot in 10,000 bread lots shows some 100,000 events.
     */
    @WithDefault("10000")
    int maxListedEvents();

    /**
     * How many traces are walked and verified at once; more wait their turn. Each holds its events in memory while
     * it is made, and on a few cores more at a time would not end sooner, only fill the heap.
     */
    @WithDefault("4")
    int maxConcurrent();
}
