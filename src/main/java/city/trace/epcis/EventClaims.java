package city.trace.epcis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import city.trace.epcis.hash.CanonicalValues;
import city.trace.epcis.hash.Vocabulary;

/**
 * What a validated event says about goods, places and parties — the claims whose authority and effect on
 * stock are judged: identifiers canonical (GS1 Digital Links), code list values as bare terms.
 *
 * @param bizStep     bare term (shipping), or the URI of a business step outside the CBV; likewise disposition
 * @param lines       every identifier named, by the list it is in, with its quantity when the list gives one
 * @param hasIlmd     whether the event sets instance/lot master data
 */
public record EventClaims(String type, String action, String bizStep, String disposition, String readPoint,
        String bizLocation, List<Line> lines, List<Party> sources, List<Party> destinations,
        List<Party> bizTransactions, boolean hasIlmd) {

    /**
     * An identifier in one of the event's lists.
     *
     * @param quantity null for instances and for classes whose amount the event does not give
     * @param uom      UN/ECE Rec 20 code, null for a count
     * @param pointer  JSON pointer of the element, for error messages
     */
    public record Line(IdentifierRole role, String identifier, BigDecimal quantity, String uom, String pointer) {
    }

    /** A source, destination or business transaction: its type (bare term) and identifier. */
    public record Party(String type, String id) {
    }

    public static EventClaims of(JsonNode event, Map<String, String> namespaces) {
        return of(event, new CanonicalValues(namespaces));
    }

    /** @throws city.trace.epcis.hash.InvalidEventException for a malformed GS1 identifier */
    public static EventClaims of(JsonNode event, CanonicalValues values) {
        List<Line> lines = new ArrayList<>();
        for (IdentifierRole role : IdentifierRole.values()) {
            JsonNode field = event.get(role.field);
            if (field == null || field.isNull()) {
                continue;
            }
            if (!field.isArray()) {
                addLine(lines, role, field, null, "/" + role.field, values);
                continue;
            }
            for (int i = 0; i < field.size(); i++) {
                JsonNode element = field.get(i);
                String pointer = "/" + role.field + "/" + i;
                addLine(lines, role, role.quantity ? element.get("epcClass") : element, role.quantity ? element : null,
                        pointer, values);
            }
        }
        return new EventClaims(event.path("type").asText(), text(event.get("action")),
                term(event.get("bizStep"), Vocabulary.BUSINESS_STEP, values),
                term(event.get("disposition"), Vocabulary.DISPOSITION, values),
                identifier(event.path("readPoint").get("id"), values), identifier(event.path("bizLocation").get("id"), values),
                List.copyOf(lines), parties(event, "sourceList", "source", Vocabulary.SOURCE_DESTINATION_TYPE, values),
                parties(event, "destinationList", "destination", Vocabulary.SOURCE_DESTINATION_TYPE, values),
                parties(event, "bizTransactionList", "bizTransaction", Vocabulary.BUSINESS_TRANSACTION_TYPE, values),
                event.path("ilmd").isObject() && !event.path("ilmd").isEmpty());
    }

    /** Where the event happened: its business location, else its read point (null when it names neither). */
    public String location() {
        return bizLocation != null ? bizLocation : readPoint;
    }

    public boolean isTransformation() {
        return "TransformationEvent".equals(type);
    }

    /** Each identifier the event names with its role, once: the rows the identifiers' index holds for it. */
    public Set<EventFacts.Identifier> identifiers() {
        return lines.stream().map(line -> new EventFacts.Identifier(line.role(), line.identifier()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Whether the event names {@code identifier} (canonical form) in any role. */
    public boolean names(String identifier) {
        return lines.stream().anyMatch(line -> line.identifier().equals(identifier));
    }

    public List<Line> lines(Set<IdentifierRole> roles) {
        return lines.stream().filter(line -> roles.contains(line.role())).toList();
    }

    /** The first party of a type (e.g. the location a shipment leaves from), or null. */
    public static String first(List<Party> parties, String type) {
        return parties.stream().filter(p -> type.equals(p.type())).map(Party::id).findFirst().orElse(null);
    }

    private static void addLine(List<Line> lines, IdentifierRole role, JsonNode id, JsonNode quantityElement,
            String pointer, CanonicalValues values) {
        String identifier = identifier(id, values);
        if (identifier == null) {
            return;
        }
        JsonNode quantity = quantityElement == null ? null : quantityElement.get("quantity");
        lines.add(new Line(role, identifier, quantity != null && quantity.isNumber() ? quantity.decimalValue() : null,
                quantityElement == null ? null : text(quantityElement.get("uom")), pointer));
    }

    private static List<Party> parties(JsonNode event, String list, String idField, Vocabulary types,
            CanonicalValues values) {
        List<Party> parties = new ArrayList<>();
        event.path(list).forEach(element -> {
            String id = identifier(element.get(idField), values);
            if (id != null) {
                parties.add(new Party(term(element.get("type"), types, values), id));
            }
        });
        return List.copyOf(parties);
    }

    private static String identifier(JsonNode value, CanonicalValues values) {
        String text = text(value);
        return text == null ? null : values.identifier(text);
    }

    private static String term(JsonNode value, Vocabulary vocabulary, CanonicalValues values) {
        String text = text(value);
        return text == null ? null : values.term(text, vocabulary);
    }

    private static String text(JsonNode value) {
        return value != null && value.isTextual() && !value.textValue().isBlank() ? value.textValue() : null;
    }
}
