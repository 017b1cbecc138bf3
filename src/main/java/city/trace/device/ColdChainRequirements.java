package city.trace.device;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import city.trace.device.coldchain.ColdChainRule;
import city.trace.org.Organization;
import city.trace.product.Product;
import city.trace.web.FormErrors;
import city.trace.web.InvalidFormException;

/** An organisation sets what its products must be kept at, per product or per category. */
@ApplicationScoped
public class ColdChainRequirements {

    /** Sets (or replaces) the requirement of one product or of a category of the organisation's products. */
    @Transactional
    public ColdChainRequirement set(Organization org, ColdChainForm form) {
        FormErrors errors = FormErrors.none();
        Optional<Product> product = Optional.empty();
        String category = null;
        if (form.product != null && !form.product.isBlank()) {
            product = Product.findByGtin(form.product.strip()).filter(p -> p.organization.id.equals(org.id));
            if (product.isEmpty()) {
                errors.add("product", "Choose one of your organisation's products");
            }
        } else if (form.category != null && !form.category.isBlank() && form.category.strip().length() <= 100) {
            category = form.category.strip();
        } else {
            errors.add("product", "Choose a product, or name a category of your products (at most 100 characters)");
        }
        BigDecimal min = celsius(form.minCelsius, "minCelsius", errors);
        BigDecimal max = celsius(form.maxCelsius, "maxCelsius", errors);
        BigDecimal mkt = celsius(form.maxMktCelsius, "maxMktCelsius", errors);
        int tolerated = minutes(form.toleratedMinutes, errors);
        if (errors.isEmpty()) {
            try {
                new ColdChainRule(min == null ? null : min.doubleValue(), max == null ? null : max.doubleValue(),
                        Duration.ofMinutes(tolerated), mkt == null ? null : mkt.doubleValue());
            } catch (IllegalArgumentException e) {
                errors.add("minCelsius", e.getMessage());
            }
        }
        errors.throwIfAny();
        ColdChainRequirement requirement = (product.isPresent()
                ? ColdChainRequirement.<ColdChainRequirement>find("product", product.get()).firstResultOptional()
                : ColdChainRequirement.<ColdChainRequirement>find("organization = ?1 and category = ?2", org, category)
                        .firstResultOptional())
                .orElseGet(ColdChainRequirement::new);
        requirement.organization = org;
        requirement.product = product.orElse(null);
        requirement.category = category;
        requirement.minCelsius = min;
        requirement.maxCelsius = max;
        requirement.toleratedMinutes = tolerated;
        requirement.maxMktCelsius = mkt;
        requirement.persist();
        return requirement;
    }

    /** Removes a requirement; alerts it raised stay, with their anchored events. */
    @Transactional
    public void remove(Organization org, long id) {
        ColdChainRequirement requirement = ColdChainRequirement.<ColdChainRequirement>findByIdOptional(id)
                .filter(r -> r.organization.id.equals(org.id))
                .orElseThrow(() -> new NotFoundException("No cold-chain requirement " + id + " of yours"));
        if (ColdChainAlert.count("rule", requirement) > 0) {
            throw new InvalidFormException("requirement", "This requirement raised alerts, which "
                    + "name it: change its values instead of removing it");
        }
        requirement.delete();
    }

    private static BigDecimal celsius(String text, String field, FormErrors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.strip().replace(',', '.').replace('−', '-'));
            if (value.abs().compareTo(new BigDecimal("1000")) >= 0 || value.scale() > 2) {
                errors.add(field, "Enter a temperature in °C with at most two decimals, e.g. 2 or -18.5");
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(field, "Enter a temperature in °C, e.g. 2 or -18.5");
            return null;
        }
    }

    private static int minutes(String text, FormErrors errors) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            int minutes = Integer.parseInt(text.strip());
            if (minutes >= 0 && minutes <= 10_080) {
                return minutes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add("toleratedMinutes", "Enter whole minutes from 0 to 10,080 (a week)");
        return 0;
    }
}
