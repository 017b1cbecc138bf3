package city.trace.web;

import java.net.URI;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;

/** Post/Redirect/Get for server-rendered forms. */
public final class Forms {

    /** The query parameter that asks js/forms.js to fill in a form that could not be sent. */
    public static final String RESUBMIT = "resubmit";

    private Forms() {
    }

    /**
     * Runs {@code action}; on success answers 303 See Other to the page {@code next} names, on invalid input
     * answers 400 with the form {@code reshow} renders for those errors (keeping what the user typed).
     */
    public static <T> Response submit(Supplier<T> action, Function<T, String> next,
            Function<FormErrors, TemplateInstance> reshow) {
        T result;
        try {
            result = action.get();
        } catch (InvalidFormException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(reshow.apply(e.errors())).build();
        }
        return seeOther(next.apply(result));
    }

    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    /**
     * The answer to a GET on a path that only takes a form's POST. A browser comes here when a login
     * interrupted the submission (its session had ended): the login returns to the path it interrupted, with
     * GET. Back to the form page, where js/forms.js fills in what was typed and asks to submit it again.
     */
    public static Response backToForm(String formPage) {
        return seeOther(formPage + "?" + RESUBMIT);
    }
}
