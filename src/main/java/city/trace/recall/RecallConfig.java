package city.trace.recall;

import java.util.Map;

import io.smallrye.config.ConfigMapping;

/** Recalls. */
@ConfigMapping(prefix = "citytrace.recall")
public interface RecallConfig {

    /**
     * Where to tell a member's own systems of a recall affecting its lots: its organisation code → an HTTPS URL that
     * takes a JSON POST (CITYTRACE_RECALL_WEBHOOKS__STADSMARKT_ROTTERDAM_=https://…). None by default.
     */
    Map<String, String> webhooks();
}
