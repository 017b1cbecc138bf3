package city.trace.product;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import city.trace.gs1.CheckDigit;
import city.trace.support.Browser;
import city.trace.support.Demo;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

@QuarkusTest
class ProductPagesTest {

    private static String newFarmGtin() {
        return CheckDigit.append("0" + Demo.FARM_PREFIX + "9" + Browser.unique(4));
    }

    @Test
    @TestSecurity(user = "alice", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
    void createdProductIsStoredAndListedOnTheDashboard() {
        String gtin = newFarmGtin();
        Browser.open("/products/new").submit()
                .formParam("gtin", gtin).formParam("name", "Spelt, bulk").formParam("category", "Grain")
                .post("/products")
                .then().statusCode(303).header("Location", endsWith("/dashboard#products"));

        Product stored = Demo.read(() -> Product.findByGtin(gtin).orElseThrow());
        assertEquals("Spelt, bulk", stored.name);
        given().get("/dashboard").then().statusCode(200).body(containsString(gtin), containsString("Spelt, bulk"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
    void gtin8Or13IsStoredAsGtin14() {
        String gtin13 = CheckDigit.append(Demo.FARM_PREFIX + "8" + Browser.unique(4));
        Browser.open("/products/new").submit()
                .formParam("gtin", gtin13).formParam("name", "Oats").formParam("category", "Grain")
                .post("/products").then().statusCode(303);
        assertEquals("Oats", Demo.read(() -> Product.findByGtin("0" + gtin13).orElseThrow().name));
    }

    @Test
    @TestSecurity(user = "alice", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
    void wrongCheckDigitIsExplainedAndTypedValuesAreKept() {
        String valid = newFarmGtin();
        int check = valid.charAt(13) - '0';
        String wrong = valid.substring(0, 13) + (check + 1) % 10;
        Browser.open("/products/new").submit()
                .formParam("gtin", wrong).formParam("name", "Barley").formParam("category", "")
                .post("/products")
                .then().statusCode(400)
                .body(containsString("GTIN check digit is wrong: expected " + check + ", found " + (check + 1) % 10),
                        containsString("Enter a category"),
                        containsString("value=\"" + wrong + "\""), containsString("value=\"Barley\""),
                        containsString("aria-invalid=\"true\""));
        assertEquals(0L, Demo.read(() -> Product.count("gtin", wrong)));
    }

    @Test
    @TestSecurity(user = "alice", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
    void gtinMustUseTheOrganisationsCompanyPrefixAndBeUnique() {
        String bakeryGtin = CheckDigit.append("0" + Demo.BAKERY_PREFIX + "9" + Browser.unique(4));
        Browser.open("/products/new").submit()
                .formParam("gtin", bakeryGtin).formParam("name", "Rye").formParam("category", "Grain")
                .post("/products")
                .then().statusCode(400).body(containsString("GTIN must use your GS1 company prefix " + Demo.FARM_PREFIX));

        Browser.open("/products/new").submit()
                .formParam("gtin", Demo.WHEAT_GTIN).formParam("name", "Wheat again").formParam("category", "Grain")
                .post("/products")
                .then().statusCode(400).body(containsString("is already used by Winter wheat, bulk"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
    void ownerEditsProduct() {
        String gtin = newFarmGtin();
        Browser.open("/products/new").submit()
                .formParam("gtin", gtin).formParam("name", "Durum").formParam("category", "Grain")
                .post("/products").then().statusCode(303);
        long id = Demo.read(() -> Product.findByGtin(gtin).orElseThrow().id);

        Browser.open("/products/" + id + "/edit").submit()
                .formParam("gtin", gtin).formParam("name", "Durum wheat").formParam("category", "Grain")
                .formParam("description", "For pasta")
                .post("/products/" + id)
                .then().statusCode(303);
        Product edited = Demo.read(() -> Product.<Product>findById(id));
        assertEquals("Durum wheat", edited.name);
        assertEquals("For pasta", edited.description);
    }

    @Test
    @TestSecurity(user = "bob", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.BAKERY))
    void anotherOrganisationCannotEditTheProduct() {
        long wheat = Demo.read(() -> Product.findByGtin(Demo.WHEAT_GTIN).orElseThrow().id);
        given().get("/products/" + wheat + "/edit").then().statusCode(403)
                .body(containsString("belongs to another organisation"));
        Browser.open("/products/new").submit()
                .formParam("gtin", Demo.WHEAT_GTIN).formParam("name", "Stolen").formParam("category", "Grain")
                .post("/products/" + wheat).then().statusCode(403);
        assertEquals("Winter wheat, bulk", Demo.read(() -> Product.<Product>findById(wheat).name));
    }

    @Test
    @TestSecurity(user = "rita", roles = "regulator")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.REGULATOR))
    void regulatorsDoNotManageProducts() {
        given().get("/products/new").then().statusCode(403).body(not(containsString("csrf-token")));
    }
}
