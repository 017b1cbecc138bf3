package city.trace.web;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** One option of a select field. */
public record Choice(String value, String label) {

    public static <T> List<Choice> of(Collection<T> items, Function<T, Object> value, Function<T, String> label) {
        return items.stream().map(i -> new Choice(String.valueOf(value.apply(i)), label.apply(i))).toList();
    }
}
