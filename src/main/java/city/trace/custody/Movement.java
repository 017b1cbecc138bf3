package city.trace.custody;

import java.math.BigDecimal;

/**
 * A change of the quantity of one item at one place, caused by an event.
 *
 * @param item        a lot class (canonical Digital Link)
 * @param holderId    who holds the item at the place (a site's organisation; in transit the carrier)
 * @param destination where goods in transit are going (a place), else null
 * @param quantity    positive in, negative out, in the unit's base
 */
public record Movement(String item, String place, Long holderId, String destination, BigDecimal quantity,
        String unit) {
}
