package city.trace.epcis.xml;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads an EPCIS 1.2 or 2.0 XML document (EPCISDocument or EPCISQueryDocument) into the EPCIS 2.0 JSON-LD
 * document it is equivalent to, following the standard's mapping between the two bindings: list wrappers become
 * arrays, attributes of sensor data and of business transactions, sources and destinations become properties,
 * EPCIS 1.2's {@code extension} and {@code baseExtension} wrappers are lifted, and user extensions keep their
 * namespaces (declared in the {@code @context}). The Event Hash ID of an event is then the same whichever binding
 * it came in. No DTD is read (nor entities, external or internal), so XML cannot reach files or grow exponentially.
 */
public final class XmlDocumentReader {

    /** The JSON-LD context every converted document names first. */
    public static final String EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> EVENT_TYPES = Set.of("ObjectEvent", "AggregationEvent", "TransactionEvent",
            "TransformationEvent", "AssociationEvent");
    /** Namespaces of the bindings' own markup, never of user extensions. */
    private static final Set<String> BINDING_NAMESPACES = Set.of("urn:epcglobal:epcis:xsd:1", "urn:epcglobal:epcis:xsd:2",
            "urn:epcglobal:epcis-query:xsd:1", "urn:epcglobal:epcis-query:xsd:2", "urn:epcglobal:epcis-masterdata:xsd:1",
            "urn:epcglobal:epcis-masterdata:xsd:2", "http://www.w3.org/2001/XMLSchema-instance",
            "http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader", XMLConstants.XML_NS_URI);
    private static final Set<String> EPC_LISTS = Set.of("epcList", "childEPCs", "inputEPCList", "outputEPCList");
    private static final Set<String> QUANTITY_LISTS = Set.of("quantityList", "childQuantityList", "inputQuantityList",
            "outputQuantityList");
    /** Sensor report attributes that are numbers in JSON. */
    private static final Set<String> NUMERIC_ATTRIBUTES = Set.of("value", "minValue", "maxValue", "meanValue", "sDev",
            "percRank", "percValue");

    private final int maxDepth;
    private final int maxTextLength;

    /**
     * @param maxDepth      most nested elements
     * @param maxTextLength most characters of a text or attribute value
     */
    public XmlDocumentReader(int maxDepth, int maxTextLength) {
        this.maxDepth = maxDepth;
        this.maxTextLength = maxTextLength;
    }

    /**
     * The JSON-LD document of this XML document.
     *
     * @throws InvalidXmlException when it is not well-formed XML within the limits, or not an EPCIS document
     */
    public ObjectNode read(byte[] xml) {
        XMLStreamReader reader = null;
        try {
            reader = factory().createXMLStreamReader(new ByteArrayInputStream(xml));
            Element root = parse(reader);
            return new Conversion().document(root);
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
            throw new InvalidXmlException("not well-formed XML" + where + ": " + lastLine(e.getMessage()));
        } finally {
            close(reader);
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** An element as read: its name, attributes, child elements, text, and the prefixes declared on it. */
    private record Element(QName name, Map<QName, String> attributes, List<Element> children, StringBuilder text,
            Map<String, String> declared) {

        String local() {
            return name.getLocalPart();
        }

        boolean isExtension() {
            return !name.getNamespaceURI().isEmpty() && !BINDING_NAMESPACES.contains(name.getNamespaceURI());
        }

        String textValue() {
            return text.toString().strip();
        }
    }

    private Element parse(XMLStreamReader reader) throws XMLStreamException {
        List<Element> open = new ArrayList<>();
        Element root = null;
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw new InvalidXmlException(
                        "a DOCTYPE is not allowed in an EPCIS document (no DTDs, no entities)");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new InvalidXmlException(
                        "entity &" + reader.getLocalName() + "; is not allowed (only the five predefined ones and "
                                + "character references)");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (open.size() >= maxDepth) {
                        throw new InvalidXmlException("elements are nested more than " + maxDepth + " deep");
                    }
                    Map<QName, String> attributes = new LinkedHashMap<>();
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        attributes.put(reader.getAttributeName(i), limited(reader.getAttributeValue(i)));
                    }
                    Map<String, String> declared = new LinkedHashMap<>();
                    for (int i = 0; i < reader.getNamespaceCount(); i++) {
                        String prefix = reader.getNamespacePrefix(i);
                        declared.put(prefix == null ? "" : prefix, reader.getNamespaceURI(i));
                    }
                    Element element = new Element(reader.getName(), attributes, new ArrayList<>(), new StringBuilder(),
                            declared);
                    if (open.isEmpty()) {
                        root = element;
                    } else {
                        open.getLast().children().add(element);
                    }
                    open.add(element);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (!open.isEmpty()) {
                        StringBuilder text = open.getLast().text();
                        text.append(reader.getText());
                        if (text.length() > maxTextLength) {
                            throw new InvalidXmlException("a text is longer than " + maxTextLength + " characters");
                        }
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> open.removeLast();
                default -> {
                    // comments, processing instructions and whitespace outside the root carry nothing
                }
            }
        }
        if (root == null) {
            throw new InvalidXmlException("the document has no root element");
        }
        return root;
    }

    private String limited(String value) {
        if (value.length() > maxTextLength) {
            throw new InvalidXmlException("an attribute value is longer than " + maxTextLength + " characters");
        }
        return value;
    }

    /** One document's conversion: the prefixes its extensions use, for the @context. */
    private static final class Conversion {

        private final Map<String, String> prefixes = new LinkedHashMap<>();

        ObjectNode document(Element root) {
            String kind = root.local();
            if (!kind.equals("EPCISDocument") && !kind.equals("EPCISQueryDocument")) {
                throw new InvalidXmlException("the root element is " + root.name() + ", not an EPCISDocument or "
                        + "EPCISQueryDocument");
            }
            declare(root);
            ObjectNode document = JSON.objectNode();
            ArrayNode events = JSON.arrayNode();
            ObjectNode body = JSON.objectNode();
            document.put("type", kind);
            document.put("schemaVersion", "2.0");
            attribute(root, "creationDate").ifPresent(value -> document.put("creationDate", value));
            // some writers leave out the EPCISBody and QueryResults wrappers; their content is the same
            Element epcisBody = childIfAny(root, "EPCISBody").orElse(root);
            if (kind.equals("EPCISDocument")) {
                body.set("eventList", events);
                eventsOf(child(epcisBody, "EventList"), events);
            } else {
                Element results = childIfAny(epcisBody, "QueryResults").orElse(epcisBody);
                ObjectNode queryResults = JSON.objectNode();
                childIfAny(results, "queryName").ifPresent(name -> queryResults.put("queryName", name.textValue()));
                childIfAny(results, "subscriptionID").ifPresent(id -> queryResults.put("subscriptionID", id.textValue()));
                queryResults.set("resultsBody", JSON.objectNode().set("eventList", events));
                eventsOf(child(child(results, "resultsBody"), "EventList"), events);
                body.set("queryResults", queryResults);
            }
            document.set("epcisBody", body);
            ArrayNode context = JSON.arrayNode().add(EPCIS_CONTEXT);
            ObjectNode declared = JSON.objectNode();
            prefixes.forEach((prefix, namespace) -> {
                // JSON-LD reads p:name with p undefined as the IRI p:name already: no term needed
                if (!namespace.equals(prefix + ":")) {
                    declared.put(prefix, namespace);
                }
            });
            if (!declared.isEmpty()) {
                context.add(declared);
            }
            ObjectNode withContext = JSON.objectNode();
            withContext.set("@context", context);
            withContext.setAll(document);
            return withContext;
        }

        /** The prefixes declared on an element (and its descendants), first declaration winning. */
        private void declare(Element element) {
            element.declared().forEach((prefix, namespace) -> {
                if (!prefix.isEmpty() && !BINDING_NAMESPACES.contains(namespace)) {
                    prefixes.putIfAbsent(prefix, namespace);
                }
            });
            element.children().forEach(this::declare);
        }

        private void eventsOf(Element list, ArrayNode events) {
            for (Element child : list.children()) {
                if (EVENT_TYPES.contains(child.local()) && !child.isExtension()) {
                    events.add(event(child));
                } else if (child.local().equals("extension")) {
                    eventsOf(child, events); // EPCIS 1.2 wraps TransformationEvent so
                } else if (child.local().equals("QuantityEvent")) {
                    throw new InvalidXmlException("QuantityEvent (EPCIS 1.x) was withdrawn in EPCIS 2.0; capture it "
                            + "as an ObjectEvent with a quantityList");
                } else {
                    throw new InvalidXmlException(child.name() + " in EventList is not an EPCIS event");
                }
            }
        }

        private ObjectNode event(Element element) {
            ObjectNode event = JSON.objectNode();
            event.put("type", element.local());
            fields(element, event);
            return event;
        }

        /** The element's children as fields of {@code into}, EPCIS 1.2's extension wrappers lifted. */
        private void fields(Element element, ObjectNode into) {
            for (Element child : element.children()) {
                if (child.isExtension()) {
                    addExtension(into, child);
                    continue;
                }
                String name = child.local();
                switch (name) {
                    case "extension", "baseExtension" -> fields(child, into);
                    case "readPoint", "bizLocation" -> into.set(name, objectOf(child));
                    case "ilmd" -> into.set(name, objectOf(child));
                    case "bizTransactionList" -> into.set(name, typedList(child, "bizTransaction"));
                    case "sourceList" -> into.set(name, typedList(child, "source"));
                    case "destinationList" -> into.set(name, typedList(child, "destination"));
                    case "sensorElementList" -> into.set(name, sensorElements(child));
                    case "persistentDisposition" -> into.set(name, persistentDisposition(child));
                    case "errorDeclaration" -> into.set(name, errorDeclaration(child));
                    default -> {
                        if (EPC_LISTS.contains(name)) {
                            into.set(name, texts(child));
                        } else if (QUANTITY_LISTS.contains(name)) {
                            into.set(name, quantities(child));
                        } else {
                            add(into, name, child.children().isEmpty() ? JSON.textNode(child.textValue())
                                    : objectOf(child));
                        }
                    }
                }
            }
        }

        /** An element whose children are fields (an id, user extensions): an object. */
        private ObjectNode objectOf(Element element) {
            ObjectNode object = JSON.objectNode();
            fields(element, object);
            return object;
        }

        private ArrayNode texts(Element list) {
            ArrayNode values = JSON.arrayNode();
            list.children().forEach(item -> values.add(item.textValue()));
            return values;
        }

        private ArrayNode quantities(Element list) {
            ArrayNode elements = JSON.arrayNode();
            for (Element item : list.children()) {
                ObjectNode quantity = JSON.objectNode();
                for (Element field : item.children()) {
                    if (field.isExtension()) {
                        addExtension(quantity, field);
                    } else if (field.local().equals("quantity")) {
                        quantity.set("quantity", number(field.textValue()));
                    } else {
                        quantity.put(field.local(), field.textValue());
                    }
                }
                elements.add(quantity);
            }
            return elements;
        }

        /** Business transactions, sources and destinations: the value as text, its type as an attribute. */
        private ArrayNode typedList(Element list, String valueName) {
            ArrayNode elements = JSON.arrayNode();
            for (Element item : list.children()) {
                ObjectNode element = JSON.objectNode();
                attribute(item, "type").ifPresent(type -> element.put("type", type));
                element.put(valueName, item.textValue());
                elements.add(element);
            }
            return elements;
        }

        private ArrayNode sensorElements(Element list) {
            ArrayNode elements = JSON.arrayNode();
            for (Element item : list.children()) {
                ObjectNode sensorElement = JSON.objectNode();
                ArrayNode reports = JSON.arrayNode();
                for (Element part : item.children()) {
                    if (part.isExtension()) {
                        addExtension(sensorElement, part);
                    } else if (part.local().equals("sensorMetadata")) {
                        sensorElement.set("sensorMetadata", attributes(part));
                    } else if (part.local().equals("sensorReport")) {
                        reports.add(attributes(part));
                    } else if (part.local().equals("extension")) {
                        fields(part, sensorElement);
                    } else {
                        throw new InvalidXmlException(part.name() + " is not part of a sensorElement");
                    }
                }
                if (!reports.isEmpty()) {
                    sensorElement.set("sensorReport", reports);
                }
                elements.add(sensorElement);
            }
            return elements;
        }

        /** Sensor metadata and reports: each attribute a property (numbers and booleans as such). */
        private ObjectNode attributes(Element element) {
            ObjectNode object = JSON.objectNode();
            element.attributes().forEach((name, value) -> {
                if (!name.getNamespaceURI().isEmpty()) {
                    object.put(prefixed(name), value);
                } else if (NUMERIC_ATTRIBUTES.contains(name.getLocalPart())) {
                    object.set(name.getLocalPart(), number(value));
                } else if (name.getLocalPart().equals("booleanValue")
                        && (value.strip().equals("true") || value.strip().equals("false"))) {
                    object.put("booleanValue", Boolean.parseBoolean(value.strip()));
                } else {
                    object.put(name.getLocalPart(), value);
                }
            });
            for (Element child : element.children()) {
                if (child.isExtension()) {
                    addExtension(object, child);
                }
            }
            return object;
        }

        private ObjectNode persistentDisposition(Element element) {
            ObjectNode disposition = JSON.objectNode();
            for (Element child : element.children()) {
                if (child.isExtension()) {
                    addExtension(disposition, child);
                } else {
                    if (!disposition.has(child.local())) {
                        disposition.set(child.local(), JSON.arrayNode());
                    }
                    ((ArrayNode) disposition.get(child.local())).add(child.textValue());
                }
            }
            return disposition;
        }

        private ObjectNode errorDeclaration(Element element) {
            ObjectNode declaration = JSON.objectNode();
            for (Element child : element.children()) {
                if (child.isExtension()) {
                    addExtension(declaration, child);
                } else if (child.local().equals("correctiveEventIDs")) {
                    declaration.set("correctiveEventIDs", texts(child));
                } else if (child.local().equals("extension")) {
                    fields(child, declaration);
                } else {
                    declaration.put(child.local(), child.textValue());
                }
            }
            return declaration;
        }

        /**
         * A user extension: its text, or an object of its attributes and children (the JSON binding has no
         * attributes); repeated ones become a list.
         */
        private void addExtension(ObjectNode into, Element element) {
            JsonNode value;
            if (element.children().isEmpty() && element.attributes().isEmpty()) {
                value = JSON.textNode(element.textValue());
            } else {
                ObjectNode object = JSON.objectNode();
                element.attributes().forEach((name, text) -> object.put(
                        name.getNamespaceURI().isEmpty() ? name.getLocalPart() : prefixed(name), text));
                element.children().forEach(child -> addExtension(object, child));
                value = object;
            }
            add(into, prefixed(element.name()), value);
        }

        /** Sets a field; a second one of the same name turns it into a list. */
        private static void add(ObjectNode into, String name, JsonNode value) {
            JsonNode existing = into.get(name);
            if (existing == null) {
                into.set(name, value);
            } else if (existing.isArray()) {
                ((ArrayNode) existing).add(value);
            } else {
                into.set(name, JSON.arrayNode().add(existing).add(value));
            }
        }

        /** The compact name of an element or attribute, its namespace's prefix declared in the @context. */
        private String prefixed(QName name) {
            String namespace = name.getNamespaceURI();
            if (namespace.isEmpty()) {
                return name.getLocalPart(); // a plain field inside an extension
            }
            String prefix = name.getPrefix();
            if (prefix.isEmpty() || !namespace.equals(prefixes.getOrDefault(prefix, namespace))) {
                prefix = prefixes.entrySet().stream().filter(e -> e.getValue().equals(namespace)).map(Map.Entry::getKey)
                        .findFirst().orElseGet(() -> "ns" + (prefixes.size() + 1));
            }
            prefixes.putIfAbsent(prefix, namespace);
            return prefix + ":" + name.getLocalPart();
        }

        private static JsonNode number(String text) {
            try {
                return JSON.numberNode(new BigDecimal(text.strip()));
            } catch (NumberFormatException e) {
                return JSON.textNode(text); // not a number: validation says so, with its pointer
            }
        }

        private static Optional<String> attribute(Element element, String name) {
            return Optional.ofNullable(element.attributes().get(new QName(name)));
        }

        private static Element child(Element parent, String local) {
            return childIfAny(parent, local).orElseThrow(() -> new InvalidXmlException(
                    parent.name().getLocalPart() + " has no " + local + " element"));
        }

        private static Optional<Element> childIfAny(Element parent, String local) {
            return parent.children().stream().filter(c -> c.local().equals(local)).findFirst();
        }
    }

    private static String lastLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.lastIndexOf('\n');
        return newline < 0 ? message : message.substring(newline + 1);
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing held but the byte array
            }
        }
    }
}
