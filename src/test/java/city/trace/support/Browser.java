package city.trace.support;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Submits forms the way a browser does: open the page first, then post with the CSRF cookie it set and the
 * token from its hidden field, without following the redirect (so tests see the 303).
 */
public final class Browser {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private Browser() {
    }

    /** The form page at {@code path}, ready for a submission. */
    public static Form open(String path) {
        Response page = given().get(path);
        page.then().statusCode(200);
        return new Form(page.getCookie("citytrace-csrf"), tokenOn(page.asString(), path));
    }

    /** The CSRF token in the hidden field of a form page. */
    public static String tokenOn(String html, String path) {
        Matcher token = TOKEN.matcher(html);
        if (!token.find()) {
            throw new AssertionError("No CSRF token on " + path);
        }
        return token.group(1);
    }

    public record Form(String cookie, String token) {

        /** A POST carrying this page's CSRF cookie and token; add the form fields and post. */
        public RequestSpecification submit() {
            return given().redirects().follow(false).cookie("citytrace-csrf", cookie).formParam("csrf-token", token);
        }
    }

    /** A unique suffix for test data (GTIN item references, lot numbers). */
    public static String unique(int digits) {
        long n = Math.floorMod(System.nanoTime() ^ Thread.currentThread().threadId(), (long) Math.pow(10, digits));
        return String.format("%0" + digits + "d", n);
    }
}
