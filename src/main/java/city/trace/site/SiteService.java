package city.trace.site;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import city.trace.gs1.Gs1Key;
import city.trace.org.Organization;

/** Registers the locations of members. */
@ApplicationScoped
public class SiteService {

    public record Location(String gln, String name, String address, String city, BigDecimal latitude,
            BigDecimal longitude) {
    }

    @Transactional
    public Site add(Organization org, Location location) {
        Gs1Key.GLN.problem(location.gln()).ifPresent(problem -> {
            throw new IllegalArgumentException(problem + ": " + location.gln());
        });
        if (!location.gln().startsWith(org.gs1CompanyPrefix)) {
            throw new IllegalArgumentException("GLN " + location.gln() + " does not use " + org.name + "'s company prefix");
        }
        if (location.latitude().abs().compareTo(BigDecimal.valueOf(90)) > 0
                || location.longitude().abs().compareTo(BigDecimal.valueOf(180)) > 0) {
            throw new IllegalArgumentException("Coordinates out of range: " + location.latitude() + ", " + location.longitude());
        }
        Site site = new Site();
        site.organization = org;
        site.gln = location.gln();
        site.name = location.name();
        site.address = location.address();
        site.city = location.city();
        site.latitude = location.latitude();
        site.longitude = location.longitude();
        site.persist();
        return site;
    }
}
