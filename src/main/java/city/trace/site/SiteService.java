package city.trace.site;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import city.trace.gs1.Gs1Key;
import city.trace.org.Organization;
import city.trace.web.FormErrors;
import city.trace.web.InvalidFormException;

/** Registers the locations of members. */
@ApplicationScoped
public class SiteService {

    public record Location(String gln, String name, String address, String city, BigDecimal latitude,
            BigDecimal longitude) {
    }

    private static final int MAX_LATITUDE = 90;
    private static final int MAX_LONGITUDE = 180;

    @Inject
    Validator validator;

    /** A site from the page's form, checked field by field. */
    @Transactional
    public Site register(Organization org, SiteForm form) {
        FormErrors errors = FormErrors.of(validator.validate(form));
        BigDecimal latitude = degrees(form.latitude, "latitude", MAX_LATITUDE, errors);
        BigDecimal longitude = degrees(form.longitude, "longitude", MAX_LONGITUDE, errors);
        errors.throwIfAny();
        return add(org, new Location(Gs1Key.GLN.normalise(form.gln), form.name.strip(), form.address.strip(),
                form.city.strip(), latitude, longitude));
    }

    /** @throws InvalidFormException naming what is wrong, before anything is stored */
    @Transactional
    public Site add(Organization org, Location location) {
        FormErrors errors = FormErrors.none();
        Gs1Key.GLN.problem(location.gln()).ifPresent(problem -> errors.add("gln", problem + ": " + location.gln()));
        if (!location.gln().startsWith(org.gs1CompanyPrefix)) {
            errors.add("gln", "GLN " + location.gln() + " does not start with " + org.name + "'s company prefix "
                    + org.gs1CompanyPrefix);
        }
        Site.findByGln(location.gln()).ifPresent(other -> errors.add("gln", "GLN " + location.gln() + " is "
                + other.name + " already"));
        withinDegrees(location.latitude(), "latitude", MAX_LATITUDE, errors);
        withinDegrees(location.longitude(), "longitude", MAX_LONGITUDE, errors);
        errors.throwIfAny();
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

    /** Decimal degrees within ±{@code limit}, to the 6 places the table keeps; null (and an error) otherwise. */
    private static BigDecimal degrees(String text, String field, int limit, FormErrors errors) {
        if (errors.has(field)) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.strip()).setScale(6, RoundingMode.HALF_UP);
            return withinDegrees(value, field, limit, errors) ? value : null;
        } catch (NumberFormatException notANumber) {
            errors.add(field, degreesWanted(limit));
            return null;
        }
    }

    /** Whether {@code value} lies within ±{@code limit} degrees; adds the field's error when not. */
    private static boolean withinDegrees(BigDecimal value, String field, int limit, FormErrors errors) {
        if (value.abs().compareTo(BigDecimal.valueOf(limit)) <= 0) {
            return true;
        }
        errors.add(field, degreesWanted(limit));
        return false;
    }

    private static String degreesWanted(int limit) {
        return "Enter decimal degrees from -" + limit + " to " + limit + ", e.g. "
                + (limit == MAX_LATITUDE ? "53.2194" : "6.5665");
    }
}
