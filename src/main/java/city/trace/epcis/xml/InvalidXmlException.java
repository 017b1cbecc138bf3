package city.trace.epcis.xml;

/** An XML body that is no EPCIS document this repository reads; the message says what and where. */
public class InvalidXmlException extends IllegalArgumentException {

    public InvalidXmlException(String message) {
        super(message);
    }
}
