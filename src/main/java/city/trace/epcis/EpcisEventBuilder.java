package city.trace.epcis;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import city.trace.gs1.DigitalLink;

/**
 * Builds the EPCIS 2.0 events the application records itself (a batch made, processed, shipped), with
 * GS1 identifiers as canonical Digital Links and CBV terms as bare words, as the JSON-LD binding writes them.
 */
public final class EpcisEventBuilder {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");

    private final ObjectNode event = JsonNodeFactory.instance.objectNode();

    private EpcisEventBuilder(String type, Instant time, ZoneId zone) {
        event.put("type", type);
        event.put("eventTime", TIME.format(time.atZone(zone)));
        event.put("eventTimeZoneOffset", OFFSET.format(time.atZone(zone)));
    }

    /** An ObjectEvent at {@code time}, with the offset {@code zone} has then. */
    public static EpcisEventBuilder objectEvent(String action, Instant time, ZoneId zone) {
        EpcisEventBuilder builder = new EpcisEventBuilder("ObjectEvent", time, zone);
        builder.event.put("action", action);
        return builder;
    }

    public static EpcisEventBuilder transformationEvent(Instant time, ZoneId zone) {
        return new EpcisEventBuilder("TransformationEvent", time, zone);
    }

    /** A CBV business step (bare term, e.g. commissioning). */
    public EpcisEventBuilder bizStep(String term) {
        event.put("bizStep", term);
        return this;
    }

    /** A CBV disposition (bare term, e.g. in_transit). */
    public EpcisEventBuilder disposition(String term) {
        event.put("disposition", term);
        return this;
    }

    public EpcisEventBuilder readPoint(String gln) {
        event.putObject("readPoint").put("id", DigitalLink.location(gln).toUri());
        return this;
    }

    public EpcisEventBuilder bizLocation(String gln) {
        event.putObject("bizLocation").put("id", DigitalLink.location(gln).toUri());
        return this;
    }

    /**
     * Adds a quantity of a lot to a quantity list ({@code quantityList}, {@code inputQuantityList} or
     * {@code outputQuantityList}); {@code uom} is a UN/ECE Rec 20 code.
     */
    public EpcisEventBuilder quantity(String list, String gtin, String lot, BigDecimal quantity, String uom) {
        ObjectNode element = array(list).addObject();
        element.put("epcClass", DigitalLink.lot(gtin, lot).toUri());
        // plain notation: 24, not 2.4E+1
        element.put("quantity", new BigDecimal(quantity.stripTrailingZeros().toPlainString()));
        element.put("uom", uom);
        return this;
    }

    /** A lot or other class (canonical Digital Link) in a quantity list, with no amount: all of it. */
    public EpcisEventBuilder epcClass(String list, String identifier) {
        array(list).addObject().put("epcClass", identifier);
        return this;
    }

    /** A product as a whole (its GTIN's class, no lot, no quantity) in the quantity list. */
    public EpcisEventBuilder product(String gtin) {
        array("quantityList").addObject().put("epcClass", DigitalLink.product(gtin).toUri());
        return this;
    }

    /** A source of the goods by location (CBV source type location). */
    public EpcisEventBuilder sourceLocation(String gln) {
        array("sourceList").addObject().put("type", "location").put("source", DigitalLink.location(gln).toUri());
        return this;
    }

    /** A destination of the goods by location (CBV source/destination type location). */
    public EpcisEventBuilder destinationLocation(String gln) {
        array("destinationList").addObject().put("type", "location")
                .put("destination", DigitalLink.location(gln).toUri());
        return this;
    }

    /** A business transaction the event is part of; {@code type} is a CBV term (e.g. desadv). */
    public EpcisEventBuilder bizTransaction(String type, String id) {
        array("bizTransactionList").addObject().put("type", type).put("bizTransaction", id);
        return this;
    }

    /** An instance/lot master data attribute (CBV master data, e.g. cbvmda:bestBeforeDate). */
    public EpcisEventBuilder ilmd(String attribute, String value) {
        ObjectNode ilmd = event.has("ilmd") ? (ObjectNode) event.get("ilmd") : event.putObject("ilmd");
        ilmd.put(attribute, value);
        return this;
    }

    public ObjectNode build() {
        return event.deepCopy();
    }

    private ArrayNode array(String field) {
        return event.has(field) ? (ArrayNode) event.get(field) : event.putArray(field);
    }
}
