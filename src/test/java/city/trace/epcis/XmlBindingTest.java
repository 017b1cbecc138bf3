package city.trace.epcis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import city.trace.epcis.hash.EventHasher;
import city.trace.epcis.hash.HashVersion;
import city.trace.epcis.xml.XmlDocumentReader;
import city.trace.support.Demo;
import city.trace.support.EpcisDocs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/**
 * The XML binding: EPCIS 1.2 and 2.0 XML documents are captured like JSON-LD ones, with the same Event Hash ID as
 * their JSON-LD twins; queries answer in XML when asked; hostile XML is refused and nothing is stored.
 */
@QuarkusTest
@TestSecurity(user = "bob", roles = "manufacturer")
@OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
class XmlBindingTest {

    private static final String EVENTS = "epcisBody.queryResults.resultsBody.eventList";
    private static final String TIME = "2026-12-01T09:00:00.000+01:00";

    /** An EPCIS 2.0 XML document: a shipping ObjectEvent of the serial, with a business transaction and an extension. */
    private static String xml20(String epc) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" xmlns:ex="https://example.com/ns/"
                    schemaVersion="2.0" creationDate="2026-12-01T10:00:00.000Z">
                  <EPCISBody>
                    <EventList>
                      <!-- a partner's system, in XML -->
                      <ObjectEvent>
                        <eventTime>%s</eventTime>
                        <eventTimeZoneOffset>+01:00</eventTimeZoneOffset>
                        <epcList><epc>%s</epc></epcList>
                        <action>OBSERVE</action>
                        <bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep>
                        <disposition>urn:epcglobal:cbv:disp:in_transit</disposition>
                        <readPoint><id>urn:epc:id:sgln:%s.00001.0</id></readPoint>
                        <bizTransactionList>
                          <bizTransaction type="urn:epcglobal:cbv:btt:desadv">urn:epcglobal:cbv:bt:%s:X-1</bizTransaction>
                        </bizTransactionList>
                        <ex:handling><ex:note>keep dry</ex:note><ex:crates>4</ex:crates></ex:handling>
                      </ObjectEvent>
                    </EventList>
                  </EPCISBody>
                </epcis:EPCISDocument>
                """.formatted(TIME, epc, Demo.BAKERY_PREFIX, Demo.BAKERY_PLANT_GLN);
    }

    /** The same event in JSON-LD. */
    private static String json20(String epc) {
        return EpcisDocs.document("""
                {"type": "ObjectEvent", "eventTime": "%s", "eventTimeZoneOffset": "+01:00", "epcList": ["%s"],
                 "action": "OBSERVE", "bizStep": "shipping", "disposition": "in_transit",
                 "readPoint": {"id": "urn:epc:id:sgln:%s.00001.0"},
                 "bizTransactionList": [{"type": "desadv", "bizTransaction": "urn:epcglobal:cbv:bt:%s:X-1"}],
                 "ex:handling": {"ex:note": "keep dry", "ex:crates": "4"}}"""
                .formatted(TIME, epc, Demo.BAKERY_PREFIX, Demo.BAKERY_PLANT_GLN));
    }

    @Test
    void anXmlDocumentIsCapturedAndHashesLikeItsJsonLdTwin() {
        String epc = EpcisDocs.sgtin(EpcisDocs.bakeryGtin(), "X1");
        given().contentType("application/xml").body(xml20(epc)).post("/epcis/capture").then().statusCode(202)
                .body("success", equalTo(true), "storedCount", equalTo(1));
        String stored = given().get("/epcis/events?MATCH_epc=" + epc).then().statusCode(200).body(EVENTS + ".size()",
                equalTo(1)).extract().path(EVENTS + "[0].eventID");

        assertEquals(stored, hashOf("application/ld+json", json20(epc)), "the JSON-LD twin's Event Hash ID");
        assertEquals(stored, hashOf("application/xml", xml20(epc)), "the event hash service reads XML too");
        // the stored event is the JSON-LD one: the extension keeps its namespace
        given().get("/epcis/events?MATCH_epc=" + epc).then()
                .body("'@context'[1].ex", equalTo("https://example.com/ns/"), EVENTS + "[0].'ex:handling'.'ex:note'",
                        equalTo("keep dry"), EVENTS + "[0].bizStep", equalTo("urn:epcglobal:cbv:bizstep:shipping"));
    }

    @Test
    void epcis12XmlIsCapturedWithTheHashOfItsEpcis20Twin() {
        String epc = EpcisDocs.sgtin(EpcisDocs.bakeryGtin(), "X2");
        String xml12 = """
                <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:1" xmlns:ex="https://example.com/ns/"
                    schemaVersion="1.2" creationDate="2026-12-01T10:00:00.000Z">
                  <EPCISBody><EventList>
                    <ObjectEvent>
                      <eventTime>%s</eventTime>
                      <eventTimeZoneOffset>+01:00</eventTimeZoneOffset>
                      <epcList><epc>%s</epc></epcList>
                      <action>ADD</action>
                      <bizStep>urn:epcglobal:cbv:bizstep:commissioning</bizStep>
                      <disposition>urn:epcglobal:cbv:disp:active</disposition>
                      <readPoint><id>urn:epc:id:sgln:%s.00001.0</id></readPoint>
                      <extension><ilmd><ex:bakedOn>2026-12-01</ex:bakedOn></ilmd></extension>
                    </ObjectEvent>
                  </EventList></EPCISBody>
                </epcis:EPCISDocument>""".formatted(TIME, epc, Demo.BAKERY_PREFIX);
        String json = EpcisDocs.document("""
                {"type": "ObjectEvent", "eventTime": "%s", "eventTimeZoneOffset": "+01:00", "epcList": ["%s"],
                 "action": "ADD", "bizStep": "commissioning", "disposition": "active",
                 "readPoint": {"id": "urn:epc:id:sgln:%s.00001.0"}, "ilmd": {"ex:bakedOn": "2026-12-01"}}"""
                .formatted(TIME, epc, Demo.BAKERY_PREFIX));
        given().contentType("text/xml").body(xml12).post("/epcis/capture").then().statusCode(202)
                .body("success", equalTo(true), "storedCount", equalTo(1));
        String stored = given().get("/epcis/events?MATCH_epc=" + epc).then().extract().path(EVENTS + "[0].eventID");
        assertEquals(stored, hashOf("application/json", json));
    }

    @Test
    void hostileOrBrokenXmlIsRefusedAndNothingIsStored() {
        String epc = EpcisDocs.sgtin(EpcisDocs.bakeryGtin(), "X3");
        String valid = xml20(epc).replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "");
        List<String[]> refused = List.of(
                new String[] { "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                        + valid.replace("keep dry", "&xxe;"), "DOCTYPE" },
                new String[] { "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                        + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n" + valid.replace("keep dry", "&c;"),
                        "DOCTYPE" },
                new String[] { valid.replace("</ObjectEvent>", ""), "not well-formed XML at line" },
                new String[] { valid.replace("<ex:note>keep dry</ex:note>", "<ex:a>".repeat(100) + "x"
                        + "</ex:a>".repeat(100)), "nested more than" },
                new String[] { "<epcis/>", "not an EPCISDocument" },
                new String[] { valid.replace("ObjectEvent>", "QuantityEvent>"), "QuantityEvent" });
        for (String[] body : refused) {
            given().contentType("application/xml").body(body[0].getBytes(StandardCharsets.UTF_8)).post("/epcis/capture")
                    .then().statusCode(400).contentType(containsString("problem+json"))
                    .body("type", equalTo("epcisException:ValidationException"),
                            "errors[0].detail", containsString(body[1]));
        }
        given().get("/epcis/events?MATCH_epc=" + epc).then().body(EVENTS + ".size()", equalTo(0));
    }

    @Test
    void queriesAnswerInXmlWhenAskedWithTheSameEvents() throws Exception {
        String epc = EpcisDocs.sgtin(EpcisDocs.bakeryGtin(), "X4");
        given().contentType("application/ld+json").body(json20(epc)).post("/epcis/capture").then().statusCode(202);
        String stored = given().get("/epcis/events?MATCH_epc=" + epc).then().extract().path(EVENTS + "[0].eventID");

        byte[] xml = given().accept("application/xml").get("/epcis/events?MATCH_epc=" + epc).then().statusCode(200)
                .contentType(containsString("application/xml")).extract().asByteArray();
        var document = new XmlDocumentReader(64, 65536).read(xml);
        assertEquals(List.of(stored), new EventHasher().hashDocument(document, HashVersion.CBV2_0).stream()
                .map(h -> h.hash()).toList(), "the XML answer re-hashes to the stored Event Hash ID");
        assertEquals(stored, document.at("/epcisBody/queryResults/resultsBody/eventList/0/eventID").asText());

        given().accept("application/xml").get("/epcis/epcs/" + epc + "/events").then().statusCode(200)
                .contentType(containsString("application/xml")).body(containsString("<bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep>"));
        // listings have no XML form
        given().accept("application/xml").get("/epcis/bizSteps").then().statusCode(406);
        given().get("/epcis/events?MATCH_epc=" + epc).then().contentType(containsString("json"));
    }

    private static String hashOf(String contentType, String document) {
        return given().contentType(contentType).body(document.getBytes(StandardCharsets.UTF_8)).post("/api/event-hash")
                .then().statusCode(200).extract().path("[0].hash");
    }
}
