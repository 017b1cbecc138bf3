package city.trace.web;

import java.net.URI;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;

/** Post/Redirect/Get for server-rendered forms. */
public final class Forms {

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
}
