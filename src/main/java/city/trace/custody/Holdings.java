package city.trace.custody;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How much of some items is where, at one moment: read from stock (or from the ledger up to an event), then
 * moved along event by event while a document is judged, so that its later events see its earlier ones.
 */
public final class Holdings {

    /** What one place holds of one item. */
    public record Balance(String place, Long holderId, String destination, BigDecimal quantity, String unit) {
    }

    private final Map<String, Map<String, Balance>> byItem = new HashMap<>();

    public static Holdings empty() {
        return new Holdings();
    }

    /** Adds a movement's quantity to its item and place (a place takes the holder the movement names). */
    public void apply(Movement movement) {
        Map<String, Balance> places = byItem.computeIfAbsent(movement.item(), item -> new LinkedHashMap<>());
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
        Balance balance = byItem.getOrDefault(item, Map.of()).get(place);
        return balance == null ? BigDecimal.ZERO : balance.quantity();
    }

    /** Whether any place ever held the item (places keep their balance at zero once emptied). */
    public boolean knows(String item) {
        return byItem.containsKey(item);
    }

    /** The base unit the item is counted in, or null before anything of it was recorded. */
    public String unitOf(String item) {
        return byItem.getOrDefault(item, Map.of()).values().stream().map(Balance::unit).filter(Objects::nonNull)
                .findFirst().orElse(null);
    }

    /** Every place holding some of the item. */
    public List<Balance> placesHolding(String item) {
        return byItem.getOrDefault(item, Map.of()).values().stream()
                .filter(b -> b.quantity().signum() > 0).toList();
    }
}
