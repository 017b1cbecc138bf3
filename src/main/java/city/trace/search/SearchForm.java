package city.trace.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ws.rs.QueryParam;

/**
 * The search as typed: every filter is a query parameter, so a search is its URL (bookmarkable, shareable).
 * {@link SearchQuery#of(SearchForm)} checks it.
 */
public class SearchForm {

    @QueryParam("view")
    public String view;
    @QueryParam("product")
    public String product;
    @QueryParam("lot")
    public String lot;
    @QueryParam("org")
    public String org;
    @QueryParam("site")
    public String site;
    @QueryParam("city")
    public String city;
    @QueryParam("from")
    public String from;
    @QueryParam("to")
    public String to;
    @QueryParam("step")
    public String step;
    @QueryParam("disposition")
    public String disposition;
    @QueryParam("recall")
    public String recall;
    @QueryParam("sort")
    public String sort;
    @QueryParam("size")
    public String size;
    /** Where the page starts: the last row of the page before, from its "Next page" link. */
    @QueryParam("after")
    public String after;

    /** The same search's first page, {@code size} rows a page. */
    SearchForm firstPage(int size) {
        SearchForm page = new SearchForm();
        page.view = view;
        page.product = product;
        page.lot = lot;
        page.org = org;
        page.site = site;
        page.city = city;
        page.from = from;
        page.to = to;
        page.step = step;
        page.disposition = disposition;
        page.recall = recall;
        page.sort = sort;
        page.size = String.valueOf(size);
        return page;
    }

    /** The parameters that were given (not blank), without the page's start, in the form's order. */
    public Map<String, String> filters() {
        Map<String, String> given = new LinkedHashMap<>();
        put(given, "view", view);
        put(given, "product", product);
        put(given, "lot", lot);
        put(given, "org", org);
        put(given, "site", site);
        put(given, "city", city);
        put(given, "from", from);
        put(given, "to", to);
        put(given, "step", step);
        put(given, "disposition", disposition);
        put(given, "recall", recall);
        put(given, "sort", sort);
        put(given, "size", size);
        return given;
    }

    private static void put(Map<String, String> given, String name, String value) {
        if (value != null && !value.isBlank()) {
            given.put(name, value.strip());
        }
    }

    /** The query string of this search from {@code after} (null: its first page), without the leading "?". */
    public String query(String after) {
        Map<String, String> parameters = filters();
        if (after != null) {
            parameters.put("after", after);
        }
        return parameters.entrySet().stream()
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
