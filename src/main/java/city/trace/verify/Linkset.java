package city.trace.verify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9264 linkset, as GS1 Digital Link resolvers answer with it: for one anchor (the Digital Link), the
 * links by relation type, the GS1 Web Vocabulary's link types written as full URIs.
 */
public record Linkset(List<Map<String, Object>> linkset) {

    public static final String MEDIA_TYPE = "application/linkset+json";
    static final String GS1 = "https://gs1.org/voc/";

    /** One link target. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Target(String href, String title, String type, List<String> hreflang) {
    }

    static Builder anchoredAt(String anchor) {
        return new Builder(anchor);
    }

    static final class Builder {
        private final Map<String, Object> links = new LinkedHashMap<>();

        private Builder(String anchor) {
            links.put("anchor", anchor);
        }

        Builder link(String relation, Target target) {
            links.put(relation, List.of(target));
            return this;
        }

        Linkset build() {
            return new Linkset(List.of(links));
        }
    }
}
