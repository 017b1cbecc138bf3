package city.trace.site;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import city.trace.gs1.DigitalLink;
import city.trace.gs1.DigitalLinkKey;
import city.trace.gs1.InvalidIdentifierException;

/** Human names for the location identifiers events carry (GLN Digital Links of members' sites). */
public final class Places {

    private Places() {
    }

    /** Each location URI that is a member's site, mapped to "site name, city". */
    public static Map<String, String> named(Collection<String> locations) {
        Map<String, String> names = new HashMap<>();
        locations.stream().filter(Objects::nonNull).distinct().forEach(uri -> gln(uri)
                .flatMap(Site::findByGln).ifPresent(site -> names.put(uri, site.name + ", " + site.city)));
        return names;
    }

    private static java.util.Optional<String> gln(String uri) {
        try {
            return DigitalLink.parse(uri).filter(link -> link.key() == DigitalLinkKey.GLN).map(DigitalLink::keyValue);
        } catch (InvalidIdentifierException e) {
            return java.util.Optional.empty();
        }
    }
}
