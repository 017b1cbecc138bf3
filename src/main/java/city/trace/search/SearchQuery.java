package city.trace.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

import city.trace.epcis.hash.Vocabulary;
import city.trace.gs1.DigitalLink;
import city.trace.gs1.Gs1Key;
import city.trace.web.FormErrors;
import city.trace.web.InvalidFormException;

/**
 * A checked search: what {@link SearchForm} asked, each value parsed, or an {@link InvalidFormException} naming each
 * field that is wrong.
 *
 * @param gtin        a GTIN-14 when the product was typed as digits, else null
 * @param productName part of a product's name when it was typed as text, else null
 * @param gln         a GLN when the site was typed as digits, else null
 * @param siteName    part of a site's name when it was typed as text, else null
 * @param bizStep     the business step's URI as stored, or null
 * @param disposition the disposition's URI as stored, or null
 */
record SearchQuery(View view, String gtin, String productName, String lot, String organization, String gln,
        String siteName, String city, LocalDate from, LocalDate to, String bizStep, String disposition, Recall recall,
        Sort sort, Cursor after, int size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;

    /** The same search's page from {@code after}. */
    SearchQuery from(Cursor after) {
        return new SearchQuery(view, gtin, productName, lot, organization, gln, siteName, city, from, to, bizStep,
                disposition, recall, sort, after, size);
    }

    enum View {
        EVENTS, LOTS;

        String code() {
            return name().toLowerCase();
        }
    }

    enum Recall {
        ANY("any"), RECALLED("recalled"), NOT_RECALLED("not-recalled");

        final String code;

        Recall(String code) {
            this.code = code;
        }
    }

    /** Events sort by event time; lots by when they were recorded, or by product (name, then lot). */
    enum Sort {
        NEWEST, OLDEST, PRODUCT;

        String code() {
            return name().toLowerCase();
        }
    }

    static SearchQuery of(SearchForm form) {
        FormErrors errors = FormErrors.none();
        View view = choose(View.values(), View::code, form.view, View.EVENTS)
                .orElseGet(() -> fail(errors, "view", "Show either events or lots", View.EVENTS));
        String product = text(form.product);
        String gtin = null;
        if (product != null && product.matches("[0-9 ]+")) {
            String digits = product.replace(" ", "");
            Gs1Key.GTIN.problem(digits).ifPresent(problem -> errors.add("product", problem));
            gtin = Gs1Key.GTIN.normalise(digits);
        }
        String lot = text(form.lot);
        if (lot != null) {
            DigitalLink.lotProblem(lot).ifPresent(problem -> errors.add("lot", problem));
        }
        String site = text(form.site);
        String gln = null;
        if (site != null && site.matches("[0-9]+")) {
            Gs1Key.GLN.problem(site).ifPresent(problem -> errors.add("site", problem));
            gln = site;
        }
        LocalDate from = date(form.from, "from", errors);
        LocalDate to = date(form.to, "to", errors);
        if (from != null && to != null && from.isAfter(to)) {
            errors.add("to", "The end date " + to + " is before the start date " + from);
        }
        String bizStep = term(Vocabulary.BUSINESS_STEP, form.step, "step", "business step", errors);
        String disposition = term(Vocabulary.DISPOSITION, form.disposition, "disposition", "disposition", errors);
        if (view == View.LOTS && bizStep != null) {
            errors.add("step", "Business steps are the events': show events, or clear the business step");
        }
        if (view == View.LOTS && disposition != null) {
            errors.add("disposition", "Dispositions are the events': show events, or clear the disposition");
        }
        Recall recall = choose(Recall.values(), r -> r.code, form.recall, Recall.ANY)
                .orElseGet(() -> fail(errors, "recall", "Recall state is any, recalled or not-recalled", Recall.ANY));
        Sort sort = choose(Sort.values(), Sort::code, form.sort, Sort.NEWEST)
                .filter(s -> s != Sort.PRODUCT || view == View.LOTS)
                .orElseGet(() -> fail(errors, "sort", view == View.LOTS ? "Sort lots by newest, oldest or product"
                        : "Sort events by newest or oldest", Sort.NEWEST));
        int size = size(form.size, errors);
        Cursor after = null;
        if (text(form.after) != null) {
            after = Cursor.decode(form.after.strip())
                    .orElseGet(() -> fail(errors, "after", "This page's link is damaged: start again from the first page", null));
        }
        errors.throwIfAny();
        return new SearchQuery(view, gtin, gtin == null ? product : null, lot, text(form.org), gln,
                gln == null ? site : null, text(form.city), from, to, bizStep, disposition, recall, sort, after, size);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <T> Optional<T> choose(T[] values, java.util.function.Function<T, String> code, String given, T otherwise) {
        String value = text(given);
        return value == null ? Optional.of(otherwise)
                : Arrays.stream(values).filter(v -> code.apply(v).equalsIgnoreCase(value)).findFirst();
    }

    private static <T> T fail(FormErrors errors, String field, String message, T placeholder) {
        errors.add(field, message);
        return placeholder;
    }

    private static LocalDate date(String value, String field, FormErrors errors) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(field, "Give a date as YYYY-MM-DD, not \"" + text + "\"");
            return null;
        }
    }

    /** A CBV term as written in the select (its bare name) or any other vocabulary's URI, as stored. */
    private static String term(Vocabulary vocabulary, String value, String field, String label, FormErrors errors) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        String uri = text.contains(":") ? Vocabulary.webUriForCbvUrn(text) : vocabulary.expandBareTerm(text);
        if (uri == null) {
            errors.add(field, "\"" + text + "\" is no " + label + " of the Core Business Vocabulary");
        }
        return uri;
    }

    private static int size(String value, FormErrors errors) {
        String text = text(value);
        if (text == null) {
            return DEFAULT_SIZE;
        }
        try {
            int size = Integer.parseInt(text);
            if (size >= 1 && size <= MAX_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        errors.add("size", "Rows per page is a number from 1 to " + MAX_SIZE);
        return DEFAULT_SIZE;
    }
}
