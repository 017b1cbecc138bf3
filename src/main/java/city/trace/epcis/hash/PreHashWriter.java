package city.trace.epcis.hash;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import city.trace.epcis.hash.Field.Group;
import city.trace.epcis.hash.Field.ListOf;
import city.trace.epcis.hash.Field.Value;

/**
 * Writes the canonical pre-hash string of one event: {@code eventType=…}, then the standard fields in the
 * canonical property order, then the ILMD and the user extensions. Every list is sorted by code point, so
 * that the hash does not depend on the order in which a document lists things.
 */
final class PreHashWriter {

    /** "type" is the EPCIS context's alias of "@type" where an object has no field of that name. */
    private static final Set<String> NODE_TYPE_KEYS = Set.of("type", "@type");

    private final HashVersion version;
    private final Namespaces namespaces;
    private final ValueCanonicaliser values;

    PreHashWriter(HashVersion version, Namespaces namespaces) {
        this.version = version;
        this.namespaces = namespaces;
        this.values = new ValueCanonicaliser(namespaces);
    }

    String prehash(String eventType, JsonNode event) {
        StringBuilder out = new StringBuilder(512).append("eventType=").append(eventType);
        for (Field field : CanonicalPropertyOrder.EVENT_FIELDS) {
            JsonNode node = event.get(field.name());
            if (node != null) {
                out.append(standard(field, node));
            }
        }
        List<String> extensions = extensions(event, CanonicalPropertyOrder.NOT_EXTENSIONS);
        JsonNode ilmd = event.get(CanonicalPropertyOrder.ILMD);
        List<String> ilmdEntries = new ArrayList<>(1);
        if (ilmd != null) {
            generic(CanonicalPropertyOrder.ILMD, ilmd, ilmdEntries);
        }
        if (version == HashVersion.CBV2_0) {
            // 2.0: the ILMD, then the extensions inside standard fields, then those of the event
            appendAll(out, ilmdEntries);
            for (Field field : CanonicalPropertyOrder.EVENT_FIELDS) {
                JsonNode node = event.get(field.name());
                if (node != null) {
                    out.append(fieldExtensions(field, node));
                }
            }
        } else {
            extensions.addAll(ilmdEntries);
        }
        appendAll(out, sorted(extensions));
        return out.toString();
    }

    /** A standard field with its standard content; in CBV 2.1 also with the extensions inside it. */
    private String standard(Field field, JsonNode node) {
        if (node.isNull()) {
            return "";
        }
        return switch (field) {
            case Value value -> value(value, node);
            case Group group -> each(node, element -> groupObject(group, element));
            case ListOf list -> {
                String items = each(node, element -> standard(list.item(), element));
                yield items.isEmpty() ? "" : listName(list) + items;
            }
        };
    }

    private String value(Value field, JsonNode node) {
        return each(node, scalar -> {
            if (scalar.isContainerNode()) {
                throw new InvalidEventException("'" + field.name() + "' must be a value, found " + scalar);
            }
            String text = field.timestamp() ? timestamp(scalar) : values.canonical(scalar, field.vocabulary());
            return text.isEmpty() ? "" : field.name() + "=" + text;
        });
    }

    private String groupObject(Group group, JsonNode node) {
        JsonNode object = object(group, node);
        StringBuilder content = new StringBuilder();
        for (Field child : group.children()) {
            JsonNode childNode = object.get(child.name());
            if (childNode != null) {
                content.append(standard(child, childNode));
            }
        }
        if (version == HashVersion.CBV2_1) {
            appendAll(content, sorted(extensions(object, group.childNames())));
        }
        return content.isEmpty() ? "" : group.name() + content;
    }

    /**
     * CBV 2.0 only: the user extensions inside a standard field, each under the names of the standard fields
     * that enclose it; empty when there are none.
     */
    private String fieldExtensions(Field field, JsonNode node) {
        return switch (field) {
            case Value value -> "";
            case Group group -> each(node, element -> groupExtensions(group, element));
            case ListOf list -> {
                String items = each(node, element -> fieldExtensions(list.item(), element));
                yield items.isEmpty() ? "" : listName(list) + items;
            }
        };
    }

    private String groupExtensions(Group group, JsonNode node) {
        JsonNode object = object(group, node);
        StringBuilder content = new StringBuilder();
        for (Field child : group.children()) {
            JsonNode childNode = object.get(child.name());
            if (childNode != null && !childNode.isNull()) {
                content.append(fieldExtensions(child, childNode));
            }
        }
        appendAll(content, sorted(extensions(object, group.childNames())));
        return content.isEmpty() ? "" : group.name() + content;
    }

    /** CBV 2.0 writes the sensor elements without naming their list. */
    private String listName(ListOf list) {
        return version == HashVersion.CBV2_0 && list.name().equals(CanonicalPropertyOrder.SENSOR_ELEMENT_LIST)
                ? "" : list.name();
    }

    /**
     * The entries of the keys of an object that are user extensions (not known, not comments, not a JSON-LD node
     * type such as a sensor element's {@code "type": "epcis:SensorElement"}, which the XML binding cannot carry,
     * so that an event hashes alike in both), unsorted.
     */
    private List<String> extensions(JsonNode object, Set<String> knownKeys) {
        List<String> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            String key = property.getKey();
            if (!knownKeys.contains(key) && !namespaces.isComment(key) && !NODE_TYPE_KEYS.contains(key)) {
                generic(namespaces.expandKey(key), property.getValue(), entries);
            }
        }
        return entries;
    }

    /**
     * Adds the entries of an extension or ILMD element: {@code key=value} for a value, the key followed by its
     * sorted entries for an object, one entry per item for an array. Null means absent, as in JSON-LD.
     */
    private void generic(String key, JsonNode node, List<String> entries) {
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (item.isArray()) {
                    List<String> nested = new ArrayList<>();
                    item.forEach(element -> generic("", element, nested));
                    entries.add(key + String.join("", sorted(nested)));
                } else {
                    generic(key, item, entries);
                }
            }
        } else if (node.isObject()) {
            List<String> children = new ArrayList<>();
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                if (!namespaces.isComment(property.getKey())) {
                    generic(namespaces.expandKey(property.getKey()), property.getValue(), children);
                }
            }
            entries.add(key + String.join("", sorted(children)));
        } else if (!node.isNull()) {
            String text = values.canonical(node, null);
            entries.add(text.isEmpty() ? key : key + "=" + text);
        }
    }

    private static String timestamp(JsonNode scalar) {
        if (!scalar.isTextual()) {
            throw new InvalidEventException("expected a date-time, found " + scalar);
        }
        return scalar.textValue().isBlank() ? "" : Timestamps.canonical(scalar.textValue().strip());
    }

    private static JsonNode object(Group group, JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidEventException("'" + (group.name().isEmpty() ? "list item" : group.name())
                    + "' must be a JSON object, found " + node);
        }
        return node;
    }

    /** Writes each item of an array (or the single node), sorted, without the empty ones. */
    private static String each(JsonNode node, Function<JsonNode, String> writer) {
        if (!node.isArray()) {
            return writer.apply(node);
        }
        List<String> items = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            String written = item.isNull() ? "" : writer.apply(item);
            if (!written.isEmpty()) {
                items.add(written);
            }
        }
        return String.join("", sorted(items));
    }

    private static List<String> sorted(List<String> entries) {
        if (entries.size() > 1) {
            entries.sort(CodePointOrder.INSTANCE);
        }
        return entries;
    }

    private static void appendAll(StringBuilder out, List<String> entries) {
        for (String entry : entries) {
            out.append(entry);
        }
    }
}
