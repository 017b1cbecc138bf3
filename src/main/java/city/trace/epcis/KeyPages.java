package city.trace.epcis;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import city.trace.web.Problem;

/**
 * Paging of a listing ordered by a text key, as the REST binding pages: {@code perPage}, and a
 * {@code nextPageToken} that is the page's last key, with {@code Link: <…>; rel="next"} while more follow.
 */
public final class KeyPages {

    private KeyPages() {
    }

    /**
     * One page of a listing.
     *
     * @param after the items after a key, at most a count of them, in key order ("" for the first)
     * @param body  what the answer holds for a page of items
     */
    public static <T> Response page(UriInfo uri, EpcisConfig config, BiFunction<String, Integer, List<T>> after,
            Function<T, String> key, Function<List<T>, Object> body) {
        Map<String, List<String>> parameters = uri.getQueryParameters();
        int perPage = EventQuery.perPage(parameters, config.defaultPerPage(), config.maxPerPage());
        String from = parameters.containsKey("nextPageToken") ? fromToken(parameters.get("nextPageToken").getFirst()) : "";
        List<T> found = after.apply(from, perPage + 1);
        boolean more = found.size() > perPage;
        List<T> page = more ? found.subList(0, perPage) : found;
        Response.ResponseBuilder response = Response.ok(body.apply(page));
        return more ? withNext(response, uri, toToken(key.apply(page.getLast()))).build() : response.build();
    }

    /** The answer with a {@code Link} to the page this token continues with. */
    static Response.ResponseBuilder withNext(Response.ResponseBuilder response, UriInfo uri, String nextPageToken) {
        var next = uri.getRequestUriBuilder().replaceQueryParam("nextPageToken", nextPageToken).build();
        return response.header("Link", "<" + next + ">; rel=\"next\"");
    }

    private static String toToken(String last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(StandardCharsets.UTF_8));
    }

    private static String fromToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(List.of(new Problem.Error("nextPageToken",
                    "nextPageToken is not one this repository gave")));
        }
    }
}
