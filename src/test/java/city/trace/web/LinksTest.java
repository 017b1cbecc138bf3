package city.trace.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import city.trace.support.WebSession;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every link a signed-in user is shown leads somewhere they may go: each demo user's pages are followed link by
 * link as their browser would (logged in through Keycloak, its session, a browser's Accept header), and none
 * answers an error. Found by doing so: the trace and search pages' "As JSON" links answered 401 to the users
 * they were shown to.
 */
@QuarkusTest
class LinksTest {

    private static final Pattern LINK = Pattern.compile("href=\"([^\"#]+)\"");
    /** Leaving, operators' endpoints, and exports (each format has its own tests; a PDF of a trace takes a while). */
    private static final Pattern NOT_FOLLOWED = Pattern.compile("^/(logout|q/)|/export");
    /** Pages of one shape (numbers aside) followed a user: one template answers for all of them. */
    private static final int PER_SHAPE = 2;
    private static final int MOST = 150;

    @TestHTTPResource("/")
    URI app;

    @ParameterizedTest
    @ValueSource(strings = { "alice", "bob", "rita", "adam" })
    void everyLinkASignedInUserIsShownAnswers(String user) {
        WebSession browser = WebSession.loggedIn(app, user);
        Deque<String> next = new ArrayDeque<>(List.of("/dashboard", "/"));
        Set<String> seen = new HashSet<>();
        Map<String, Integer> shapes = new HashMap<>();
        List<String> broken = new ArrayList<>();
        int followed = 0;
        while (!next.isEmpty() && followed < MOST) {
            String href = next.removeFirst();
            if (!seen.add(href) || shapes.merge(href.split("\\?")[0].replaceAll("\\d+", "N"), 1, Integer::sum) > PER_SHAPE) {
                continue;
            }
            followed++;
            HttpResponse<String> answer = browser.follow(href);
            if (answer.statusCode() >= 400) {
                broken.add(answer.statusCode() + " " + href);
            } else if (answer.uri().toString().startsWith(app.toString())
                    && answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                Matcher link = LINK.matcher(answer.body());
                while (link.find()) {
                    String found = link.group(1).replace("&amp;", "&");
                    if (found.startsWith("/") && !found.startsWith("//") && !NOT_FOLLOWED.matcher(found).find()) {
                        next.addLast(found);
                    }
                }
            }
        }
        assertTrue(followed > 10, user + " was shown links to follow: " + followed);
        assertEquals(List.of(), broken, user + "'s links that answer an error");
    }
}
