package city.trace.epcis.xml;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.databind.JsonNode;

import city.trace.epcis.hash.Namespaces;

/**
 * Writes an EPCIS 2.0 JSON-LD document (EPCISDocument or EPCISQueryDocument) in the XML binding of EPCIS 2.0:
 * the mapping {@link XmlDocumentReader} reads back, so an event keeps its Event Hash ID. Each event's fields come
 * in the order of the EPCIS 2.0 XML schema; CBV terms written bare in JSON-LD become their CBV URNs, as the XML
 * binding writes them; user extensions become elements of their namespaces, declared where they are used.
 */
public final class XmlDocumentWriter {

    private static final String EPCIS_NAMESPACE = "urn:epcglobal:epcis:xsd:2";
    private static final String QUERY_NAMESPACE = "urn:epcglobal:epcis-query:xsd:2";
    private static final List<String> HEAD = List.of("eventTime", "recordTime", "eventTimeZoneOffset", "eventID",
            "errorDeclaration", "certificationInfo");
    private static final List<String> WHY_AND_WHERE = List.of("action", "bizStep", "disposition", "persistentDisposition",
            "readPoint", "bizLocation");
    /** The standard fields of each event type in the order of the XML schema, after {@link #HEAD}. */
    private static final Map<String, List<String>> ORDER = Map.of(
            "ObjectEvent", concat(List.of("epcList"), WHY_AND_WHERE, List.of("bizTransactionList", "quantityList",
                    "sourceList", "destinationList", "sensorElementList", "ilmd")),
            "AggregationEvent", concat(List.of("parentID", "childEPCs"), WHY_AND_WHERE, List.of("bizTransactionList",
                    "childQuantityList", "sourceList", "destinationList", "sensorElementList")),
            "TransactionEvent", concat(List.of("bizTransactionList", "parentID", "epcList"), WHY_AND_WHERE,
                    List.of("quantityList", "sourceList", "destinationList", "sensorElementList")),
            "TransformationEvent", concat(List.of("inputEPCList", "inputQuantityList", "outputEPCList",
                    "outputQuantityList", "transformationID", "bizStep", "disposition", "persistentDisposition",
                    "readPoint", "bizLocation", "bizTransactionList", "sourceList", "destinationList",
                    "sensorElementList", "ilmd"), List.of(), List.of()),
            "AssociationEvent", concat(List.of("parentID", "childEPCs", "childQuantityList"), WHY_AND_WHERE,
                    List.of("bizTransactionList", "sourceList", "destinationList", "sensorElementList")));
    /** The CBV URN stem of the terms each field holds, for terms JSON-LD writes bare. */
    private static final Map<String, String> CBV_URNS = Map.of("bizStep", "urn:epcglobal:cbv:bizstep:",
            "disposition", "urn:epcglobal:cbv:disp:", "bizTransactionType", "urn:epcglobal:cbv:btt:",
            "sourceDestinationType", "urn:epcglobal:cbv:sdt:", "reason", "urn:epcglobal:cbv:er:");
    private static final Set<String> EPC_LISTS = Set.of("epcList", "childEPCs", "inputEPCList", "outputEPCList");
    private static final Set<String> QUANTITY_LISTS = Set.of("quantityList", "childQuantityList", "inputQuantityList",
            "outputQuantityList");

    private XmlDocumentWriter() {
    }

    /**
     * Writes a whole JSON-LD document.
     *
     * @throws IOException when the output fails
     */
    public static void write(JsonNode document, OutputStream out) throws IOException {
        boolean query = "EPCISQueryDocument".equals(document.path("type").asText());
        JsonNode results = document.path("epcisBody").path("queryResults");
        Events writer = start(out, prefixesOf(document.get("@context")), document.path("creationDate").textValue(),
                query ? results.path("queryName").asText("SimpleEventQuery") : null,
                results.path("subscriptionID").textValue());
        JsonNode events = query ? results.path("resultsBody").path("eventList")
                : document.path("epcisBody").path("eventList");
        for (JsonNode event : events) {
            writer.event(event, Map.of());
        }
        writer.close();
    }

    /**
     * Starts a document whose events are written as they come, none held: an EPCISQueryDocument when
     * {@code queryName} is given, else an EPCISDocument. {@code prefixes}: the namespaces the root declares.
     *
     * @throws IOException when the output fails
     */
    public static Events start(OutputStream out, Map<String, String> prefixes, String creationDate, String queryName,
            String subscriptionId) throws IOException {
        try {
            XMLOutputFactory factory = XMLOutputFactory.newFactory();
            // the writer declares a namespace wherever an element or attribute needs one the root did not
            factory.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, true);
            XMLStreamWriter xml = factory.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            if (queryName != null) {
                xml.writeStartElement("epcisq", "EPCISQueryDocument", QUERY_NAMESPACE);
                xml.writeNamespace("epcisq", QUERY_NAMESPACE);
            } else {
                xml.writeStartElement("epcis", "EPCISDocument", EPCIS_NAMESPACE);
                xml.writeNamespace("epcis", EPCIS_NAMESPACE);
            }
            for (Map.Entry<String, String> prefix : prefixes.entrySet()) {
                xml.writeNamespace(prefix.getKey(), prefix.getValue());
            }
            xml.writeAttribute("schemaVersion", "2.0");
            if (creationDate != null) {
                xml.writeAttribute("creationDate", creationDate);
            }
            xml.writeStartElement("EPCISBody");
            if (queryName != null) {
                xml.writeStartElement("epcisq", "QueryResults", QUERY_NAMESPACE);
                text(xml, "queryName", queryName);
                if (subscriptionId != null) {
                    text(xml, "subscriptionID", subscriptionId);
                }
                xml.writeStartElement("resultsBody");
            }
            xml.writeStartElement("EventList");
            return new Events(xml, Map.copyOf(prefixes));
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    /** A document being written: {@link #event} each event, then {@link #close}; the stream stays open. */
    public static final class Events implements AutoCloseable {

        private final XMLStreamWriter xml;
        private final Map<String, String> prefixes;

        private Events(XMLStreamWriter xml, Map<String, String> prefixes) {
            this.xml = xml;
            this.prefixes = prefixes;
        }

        /**
         * Adds a JSON-LD event; {@code ownPrefixes} (those its own document declared) override the root's, and the
         * event's {@code @context} overrides both.
         */
        public void event(JsonNode event, Map<String, String> ownPrefixes) throws IOException {
            Map<String, String> effective = new LinkedHashMap<>(prefixes);
            effective.putAll(ownPrefixes);
            try {
                XmlDocumentWriter.event(xml, event, effective);
                xml.flush();
            } catch (XMLStreamException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                xml.writeEndDocument();
                xml.flush();
                xml.close();
            } catch (XMLStreamException e) {
                throw new IOException(e);
            }
        }
    }

    private static void event(XMLStreamWriter xml, JsonNode event, Map<String, String> documentPrefixes)
            throws XMLStreamException {
        String type = event.path("type").asText();
        List<String> order = ORDER.get(type);
        if (order == null) {
            throw new IllegalArgumentException("not an EPCIS 2.0 event type: " + type);
        }
        xml.writeStartElement(type);
        // an event's own @context overrides its document's prefixes
        Map<String, String> prefixes = new LinkedHashMap<>(documentPrefixes);
        prefixes.putAll(prefixesOf(event.get("@context")));
        for (String field : HEAD) {
            field(xml, field, event.get(field), prefixes);
        }
        for (String field : order) {
            field(xml, field, event.get(field), prefixes);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = event.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().contains(":")) {
                extension(xml, field.getKey(), field.getValue(), prefixes);
            }
        }
        xml.writeEndElement();
    }

    private static void field(XMLStreamWriter xml, String name, JsonNode value, Map<String, String> prefixes)
            throws XMLStreamException {
        if (value == null || value.isNull()) {
            return;
        }
        if (EPC_LISTS.contains(name)) {
            xml.writeStartElement(name);
            for (JsonNode epc : value) {
                text(xml, "epc", epc.asText());
            }
            xml.writeEndElement();
        } else if (QUANTITY_LISTS.contains(name)) {
            xml.writeStartElement(name);
            for (JsonNode quantity : value) {
                xml.writeStartElement("quantityElement");
                text(xml, "epcClass", quantity.path("epcClass").asText());
                if (quantity.has("quantity")) {
                    text(xml, "quantity", quantity.get("quantity").asText());
                }
                if (quantity.has("uom")) {
                    text(xml, "uom", quantity.get("uom").asText());
                }
                extensionsOf(xml, quantity, prefixes);
                xml.writeEndElement();
            }
            xml.writeEndElement();
        } else {
            switch (name) {
                case "bizStep", "disposition" -> text(xml, name, cbv(name, value.asText()));
                case "readPoint", "bizLocation" -> {
                    xml.writeStartElement(name);
                    text(xml, "id", value.path("id").asText());
                    extensionsOf(xml, value, prefixes);
                    xml.writeEndElement();
                }
                case "bizTransactionList" -> typedList(xml, name, "bizTransaction", "bizTransactionType", value);
                case "sourceList" -> typedList(xml, name, "source", "sourceDestinationType", value);
                case "destinationList" -> typedList(xml, name, "destination", "sourceDestinationType", value);
                case "persistentDisposition" -> {
                    xml.writeStartElement(name);
                    for (String part : List.of("set", "unset")) {
                        for (JsonNode disposition : value.path(part)) {
                            text(xml, part, cbv("disposition", disposition.asText()));
                        }
                    }
                    xml.writeEndElement();
                }
                case "errorDeclaration" -> {
                    xml.writeStartElement(name);
                    text(xml, "declarationTime", value.path("declarationTime").asText());
                    if (value.has("reason")) {
                        text(xml, "reason", cbv("reason", value.get("reason").asText()));
                    }
                    if (value.has("correctiveEventIDs")) {
                        xml.writeStartElement("correctiveEventIDs");
                        for (JsonNode id : value.get("correctiveEventIDs")) {
                            text(xml, "correctiveEventID", id.asText());
                        }
                        xml.writeEndElement();
                    }
                    extensionsOf(xml, value, prefixes);
                    xml.writeEndElement();
                }
                case "sensorElementList" -> sensorElements(xml, value, prefixes);
                case "ilmd" -> {
                    xml.writeStartElement(name);
                    extensionsOf(xml, value, prefixes);
                    xml.writeEndElement();
                }
                default -> {
                    for (JsonNode each : value.isArray() ? value : List.of(value)) {
                        text(xml, name, each.asText());
                    }
                }
            }
        }
    }

    private static void typedList(XMLStreamWriter xml, String list, String item, String vocabulary, JsonNode value)
            throws XMLStreamException {
        xml.writeStartElement(list);
        for (JsonNode element : value) {
            xml.writeStartElement(item);
            if (element.hasNonNull("type")) {
                xml.writeAttribute("type", cbv(vocabulary, element.get("type").asText()));
            }
            xml.writeCharacters(element.path(item).asText());
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void sensorElements(XMLStreamWriter xml, JsonNode list, Map<String, String> prefixes)
            throws XMLStreamException {
        xml.writeStartElement("sensorElementList");
        for (JsonNode element : list) {
            xml.writeStartElement("sensorElement");
            if (element.has("sensorMetadata")) {
                attributesElement(xml, "sensorMetadata", element.get("sensorMetadata"), prefixes);
            }
            for (JsonNode report : element.path("sensorReport")) {
                attributesElement(xml, "sensorReport", report, prefixes);
            }
            extensionsOf(xml, element, prefixes);
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** Sensor metadata and reports: each property an attribute; structured extensions as child elements. */
    private static void attributesElement(XMLStreamWriter xml, String name, JsonNode properties,
            Map<String, String> prefixes) throws XMLStreamException {
        xml.writeStartElement(name);
        List<Map.Entry<String, JsonNode>> structured = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> property = it.next();
            if (property.getValue().isContainerNode()) {
                structured.add(property);
            } else if (property.getKey().contains(":")) {
                String prefix = prefixOf(property.getKey());
                xml.writeAttribute(prefix, namespace(prefix, prefixes), localOf(property.getKey()),
                        property.getValue().asText());
            } else {
                xml.writeAttribute(property.getKey(), property.getValue().asText());
            }
        }
        for (Map.Entry<String, JsonNode> property : structured) {
            extension(xml, property.getKey(), property.getValue(), prefixes);
        }
        xml.writeEndElement();
    }

    private static void extensionsOf(XMLStreamWriter xml, JsonNode object, Map<String, String> prefixes)
            throws XMLStreamException {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().contains(":")) {
                extension(xml, field.getKey(), field.getValue(), prefixes);
            }
        }
    }

    /** A user extension: an element of its namespace per value (a list repeats it), objects as child elements. */
    private static void extension(XMLStreamWriter xml, String name, JsonNode value, Map<String, String> prefixes)
            throws XMLStreamException {
        if (value.isArray()) {
            for (JsonNode each : value) {
                extension(xml, name, each, prefixes);
            }
            return;
        }
        String prefix = prefixOf(name);
        xml.writeStartElement(prefix, localOf(name), namespace(prefix, prefixes));
        if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().contains(":")) {
                    extension(xml, field.getKey(), field.getValue(), prefixes);
                } else {
                    text(xml, field.getKey(), field.getValue().asText());
                }
            }
        } else {
            xml.writeCharacters(value.asText());
        }
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    /** A CBV term as the XML binding writes it: a bare term becomes its URN; URIs stay as they are. */
    private static String cbv(String vocabulary, String term) {
        return term.contains(":") ? term : CBV_URNS.get(vocabulary) + term;
    }

    /**
     * The namespace of a prefix; one no context declares stands for itself (JSON-LD reads {@code p:name} with an
     * undefined {@code p} as the absolute IRI {@code p:name}), so its namespace is {@code p:}.
     */
    private static String namespace(String prefix, Map<String, String> prefixes) {
        String namespace = prefixes.getOrDefault(prefix, Namespaces.standard().get(prefix));
        return namespace != null ? namespace : prefix + ":";
    }

    /** The prefixes a JSON-LD @context declares (its objects' string entries). */
    private static Map<String, String> prefixesOf(JsonNode context) {
        Map<String, String> prefixes = new LinkedHashMap<>();
        if (context != null) {
            for (JsonNode entry : context.isArray() ? context : List.of(context)) {
                entry.properties().forEach(p -> {
                    if (p.getValue().isTextual()) {
                        prefixes.put(p.getKey(), p.getValue().asText());
                    }
                });
            }
        }
        return prefixes;
    }

    private static String prefixOf(String name) {
        return name.substring(0, name.indexOf(':'));
    }

    private static String localOf(String name) {
        return name.substring(name.indexOf(':') + 1);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return List.copyOf(all);
    }
}
