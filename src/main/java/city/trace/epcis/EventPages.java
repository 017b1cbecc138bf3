package city.trace.epcis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import city.trace.org.CurrentMember;

/**
 * One page of a query's events as the REST binding answers it, within what the member may see: an
 * EPCISQueryDocument, with {@code Link: <…>; rel="next"} when more events match. Every query resource answers so.
 */
@ApplicationScoped
public class EventPages {

    @Inject
    EventQueryRepository events;

    @Inject
    CurrentMember member;

    @Inject
    EpcisConfig config;

    /** The events of the client's query parameters and these (which win). */
    public Response page(Map<String, List<String>> these, UriInfo uri) {
        Map<String, List<String>> parameters = new HashMap<>(uri.getQueryParameters());
        parameters.putAll(these);
        EventQuery query = EventQuery.parse(parameters, config.defaultPerPage(), config.maxPerPage());
        EventQueryRepository.Page page = events.find(query, QueryScope.of(member), parameters);
        Response.ResponseBuilder response = Response.ok(new QueryDocument(
                EpcisDocuments.queryDocument(page.events(), page.namespaces())));
        return page.nextPageToken() == null ? response.build()
                : KeyPages.withNext(response, uri, page.nextPageToken()).build();
    }

    /** The events of the client's query parameters and {@code name} = {@code value}. */
    public Response page(String name, String value, UriInfo uri) {
        return page(Map.of(name, List.of(value)), uri);
    }
}
