package city.trace.batch;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.eclipse.microprofile.config.ConfigProvider;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.google.zxing.ReaderException;

import city.trace.support.Demo;
import city.trace.label.QrScan;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/** A batch's QR code and label sheet carry its GS1 Digital Link on this resolver. */
@QuarkusTest
@TestSecurity(user = "alice", roles = "manufacturer")
@OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
class BatchLabelsTest {

    /** What QR codes carry: the configured public base URL, not this test server's address. */
    private static String publicBase() {
        return ConfigProvider.getConfig().getValue("citytrace.public.base-url", String.class);
    }

    private static long wheatBatch(String lot) {
        return Demo.read(() -> Batch.<Batch>find("lot", lot).singleResult().id);
    }

    @Test
    void theBatchPageShowsItsQrCodeWhichScansToItsDigitalLink() throws IOException, ReaderException {
        String lot = Demo.recordWheatLot("QR");
        long id = wheatBatch(lot);
        String link = publicBase() + "/01/" + Demo.WHEAT_GTIN + "/10/" + lot;

        given().get("/batches/" + id).then().statusCode(200)
                .body(containsString("src=\"/batches/" + id + "/qr.svg\""), containsString("href=\"/batches/" + id
                        + "/qr.png\" download"), containsString(link), containsString("action=\"/batches/" + id
                                + "/labels.pdf\""));

        byte[] png = given().get("/batches/" + id + "/qr.png").then().statusCode(200).contentType("image/png")
                .header("Content-Disposition", containsString(Demo.WHEAT_GTIN + "-" + lot + "-qr.png"))
                .extract().asByteArray();
        assertEquals(link, QrScan.text(ImageIO.read(new ByteArrayInputStream(png))));

        given().get("/batches/" + id + "/qr.svg").then().statusCode(200).contentType(startsWith("image/svg+xml"))
                .body(containsString("<svg"), containsString("<title>QR code: " + link + "</title>"));
    }

    @Test
    void aLabelSheetHasTheChosenNumberOfLabels() throws IOException {
        String lot = Demo.recordWheatLot("LB");
        long id = wheatBatch(lot);
        byte[] pdf = given().queryParam("count", "30").get("/batches/" + id + "/labels.pdf").then().statusCode(200)
                .contentType("application/pdf").header("Content-Disposition", startsWith("attachment"))
                .extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(2, document.getNumberOfPages(), "24 labels a page");
            String text = new PDFTextStripper().getText(document);
            assertEquals(30, text.split("\\(10\\) " + lot, -1).length - 1, "human-readable GTIN and lot on each label");
            assertTrue(text.contains("(01) " + Demo.WHEAT_GTIN));
        }
    }

    @Test
    void aNumberOfLabelsOutOfRangeIsExplainedOnThePage() {
        long id = wheatBatch(Demo.recordWheatLot("LX"));
        for (String count : new String[] { "0", "501", "many", "" }) {
            given().queryParam("count", count).get("/batches/" + id + "/labels.pdf").then().statusCode(400)
                    .contentType(startsWith("text/html"))
                    .body(containsString("Enter a number of labels from 1 to 500"), containsString("value=\"" + count + "\""));
        }
    }

    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void anotherOrganisationsBatchHasNoLabelsForThem() {
        long farmBatch = Demo.batch(Demo.WHEAT_GTIN, Demo.FIELDS_GLN, "NQ", "1", Unit.TNE).id;
        given().get("/batches/" + farmBatch + "/qr.png").then().statusCode(403);
        given().get("/batches/" + farmBatch + "/labels.pdf?count=1").then().statusCode(403);
    }
}
