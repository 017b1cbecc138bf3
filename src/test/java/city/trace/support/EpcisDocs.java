package city.trace.support;

import java.util.ArrayList;
import java.util.List;

import city.trace.gs1.CheckDigit;

/** Small EPCIS 2.0 JSON-LD documents for tests, with identifiers unique to the test run. */
public final class EpcisDocs {

    public static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

    private EpcisDocs() {
    }

    /** An EPCISDocument holding the given events (JSON objects). */
    public static String document(List<String> events) {
        return """
                {"@context": ["%s", {"ex": "https://example.com/ns/"}],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-11-22T10:00:00.000Z",
                 "epcisBody": {"eventList": [%s]}}""".formatted(CONTEXT, String.join(",\n", events));
    }

    public static String document(String... events) {
        return document(List.of(events));
    }

    /** A GTIN-14 of the bakery's company prefix, unique to this test run. */
    public static String bakeryGtin() {
        return CheckDigit.append("0" + Demo.BAKERY_PREFIX + "8" + Browser.unique(4));
    }

    /** An SGTIN EPC URN of the bakery's prefix: urn:epc:id:sgtin:8712347.0&lt;item&gt;.&lt;serial&gt;. */
    public static String sgtin(String gtin, String serial) {
        // GTIN-14: indicator, 7-digit company prefix, 5-digit item reference, check digit
        return "urn:epc:id:sgtin:" + gtin.substring(1, 8) + "." + gtin.charAt(0) + gtin.substring(8, 13) + "." + serial;
    }

    /** The canonical Digital Link of the same serialised item. */
    public static String sgtinLink(String gtin, String serial) {
        return "https://id.gs1.org/01/" + gtin + "/21/" + serial;
    }

    /** An ObjectEvent OBSERVE of the given EPCs at the bakery's plant. */
    public static String observe(String bizStep, String eventTime, List<String> epcs) {
        List<String> quoted = new ArrayList<>();
        epcs.forEach(epc -> quoted.add("\"" + epc + "\""));
        return """
                {"type": "ObjectEvent", "action": "OBSERVE", "bizStep": "%s", "disposition": "in_progress",
                 "eventTime": "%s", "eventTimeZoneOffset": "+01:00",
                 "readPoint": {"id": "urn:epc:id:sgln:%s.00001.0"},
                 "epcList": [%s]}""".formatted(bizStep, eventTime, Demo.BAKERY_PREFIX, String.join(", ", quoted));
    }
}
