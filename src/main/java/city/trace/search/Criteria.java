package city.trace.search;

import java.util.List;

import city.trace.epcis.QueryScope;

/**
 * A checked search with its names resolved to what the tables hold; a null list means "any", an empty one
 * "nothing matches".
 *
 * @param gtins          the products (by GTIN or by name), or null
 * @param lotLinks       the lots' Digital Links for the events view, or null
 * @param organizationId the recorder (events) or maker (lots), or null
 * @param glns           the sites (by GLN, name and city), or null
 * @param recalledLots   every recalled lot's Digital Link when the recall state is asked, else null
 * @param scope          what the member may see
 */
record Criteria(SearchQuery query, List<String> gtins, List<String> lotLinks, Long organizationId, List<String> glns,
        List<String> recalledLots, QueryScope scope) {

    /** The same search's page from {@code after}, its names resolved once for all pages. */
    Criteria from(Cursor after) {
        return new Criteria(query.from(after), gtins, lotLinks, organizationId, glns, recalledLots, scope);
    }
}
