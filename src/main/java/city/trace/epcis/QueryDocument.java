package city.trace.epcis;

/**
 * An EPCISQueryDocument as a query resource answers it: JSON-LD, written as such or, for a client that asks for
 * {@code application/xml}, in the XML binding ({@link QueryDocumentWriter}).
 */
public record QueryDocument(String json) {
}
