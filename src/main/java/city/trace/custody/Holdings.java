package city.trace.custody;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * How much of some items is where, at one moment: read from stock (or from the ledger up to an event), then
 * moved along event by event while a document is judged, so that its later events see its earlier ones.
 */
public final class Holdings {

    /** What one place holds of one item. */
    public record Balance(String place, Long holderId, String destination, BigDecimal quantity, String unit) {
    }

    private final Map<String, Map<String, Balance>> byItem = new HashMap<>();
    /** An item's balances by place, taken (copied) when the item is first asked about; null: none to take. */
    private final Function<String, Map<String, Balance>> source;

    private Holdings(Function<String, Map<String, Balance>> source) {
        this.source = source;
    }

    public static Holdings empty() {
        return new Holdings(null);
    }

    /**
     * Holdings whose items' balances are taken from {@code balancesOf} when an item is first asked about: judging
     * an event asks about the few items it names, not about everything the records hold.
     */
    public static Holdings of(Function<String, Map<String, Balance>> balancesOf) {
        return new Holdings(balancesOf);
    }

    /** Adds a movement's quantity to its item and place (a place takes the holder the movement names). */
    public void apply(Movement movement) {
        Map<String, Balance> places = places(movement.item());
        if (places.isEmpty()) {
            byItem.put(movement.item(), places = new LinkedHashMap<>());
        }
        Balance before = places.get(movement.place());
        BigDecimal quantity = before == null ? movement.quantity() : before.quantity().add(movement.quantity());
        Long holder = movement.holderId() != null || before == null ? movement.holderId() : before.holderId();
        String destination = movement.destination() != null || before == null ? movement.destination() : before.destination();
        places.put(movement.place(), new Balance(movement.place(), holder, destination, quantity, movement.unit()));
    }

    public void applyAll(List<Movement> movements) {
        movements.forEach(this::apply);
    }

    /** The item's balance at a place (zero when the place never held it). */
    public BigDecimal at(String item, String place) {
        Balance balance = places(item).get(place);
        return balance == null ? BigDecimal.ZERO : balance.quantity();
    }

    /** Whether any place ever held the item (places keep their balance at zero once emptied). */
    public boolean knows(String item) {
        return !places(item).isEmpty();
    }

    /** The base unit the item is counted in, or null before anything of it was recorded. */
    public String unitOf(String item) {
        return places(item).values().stream().map(Balance::unit).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** Every place holding some of the item. */
    public List<Balance> placesHolding(String item) {
        return places(item).values().stream().filter(b -> b.quantity().signum() > 0).toList();
    }

    /** The item's balances by place (empty: none); live, so that whoever reads them must not keep them. */
    Map<String, Balance> balancesOf(String item) {
        return places(item);
    }

    private Map<String, Balance> places(String item) {
        Map<String, Balance> places = byItem.get(item);
        if (places == null && source != null) {
            Map<String, Balance> taken = source.apply(item);
            places = taken.isEmpty() ? Map.of() : new LinkedHashMap<>(taken);
            byItem.put(item, places);
        }
        return places == null ? Map.of() : places;
    }
}
