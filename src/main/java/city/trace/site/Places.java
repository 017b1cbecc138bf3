package city.trace.site;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import city.trace.gs1.DigitalLink;
import city.trace.gs1.DigitalLinkKey;

/** Human names for the location identifiers events carry (GLN Digital Links of members' sites). */
public final class Places {

    private Places() {
    }

    /** Each location URI that is a member's site, mapped to "site name, city". */
    public static Map<String, String> named(Collection<String> locations) {
        Map<String, String> names = new HashMap<>();
        sites(locations).forEach((uri, site) -> names.put(uri, site.name + ", " + site.city));
        return names;
    }

    /** Each location URI that is a member's site (a GLN Digital Link), mapped to the site. */
    public static Map<String, Site> sites(Collection<String> locations) {
        Map<String, String> glnOf = new HashMap<>();
        locations.stream().filter(Objects::nonNull).distinct()
                .forEach(uri -> gln(uri).ifPresent(gln -> glnOf.put(uri, gln)));
        if (glnOf.isEmpty()) {
            return Map.of();
        }
        Map<String, Site> byGln = Site.listByGln(glnOf.values()).stream()
                .collect(Collectors.toMap(site -> site.gln, Function.identity()));
        Map<String, Site> sites = new HashMap<>();
        glnOf.forEach((uri, gln) -> Optional.ofNullable(byGln.get(gln)).ifPresent(site -> sites.put(uri, site)));
        return sites;
    }

    private static Optional<String> gln(String uri) {
        return DigitalLink.parse(uri, DigitalLinkKey.GLN).map(DigitalLink::keyValue);
    }
}
