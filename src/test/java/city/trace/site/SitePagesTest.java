package city.trace.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import city.trace.gs1.CheckDigit;
import city.trace.support.Browser;
import city.trace.support.Demo;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/** A manufacturer adds its sites in the browser: what is wrong is shown in the page and nothing is stored. */
@QuarkusTest
class SitePagesTest {

    @Test
    @TestSecurity(user = "alice", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
    void aManufacturerAddsASiteAndBadValuesAreShownInThePage() {
        String gln = CheckDigit.append(Demo.FARM_PREFIX + Browser.unique(5));
        String othersGln = CheckDigit.append(Demo.BAKERY_PREFIX + "99999");
        Browser.open("/sites").submit().formParam("name", "Korenaar barn").formParam("gln", othersGln)
                .formParam("address", "Hoofdweg 14").formParam("city", "Groningen").formParam("latitude", "95")
                .formParam("longitude", "east").post("/sites").then().statusCode(400)
                .body(containsString("Enter decimal degrees from -90 to 90"), containsString("Enter decimal degrees from -180 to 180"));
        Browser.open("/sites").submit().formParam("name", "Korenaar barn").formParam("gln", othersGln)
                .formParam("address", "Hoofdweg 14").formParam("city", "Groningen").formParam("latitude", "53.29")
                .formParam("longitude", "6.64").post("/sites").then().statusCode(400)
                .body(containsString("does not start with De Korenaar Farm&#39;s company prefix 8712345"));
        Browser.open("/sites").submit().formParam("name", "Korenaar barn").formParam("gln", Demo.FIELDS_GLN)
                .formParam("address", "Hoofdweg 14").formParam("city", "Groningen").formParam("latitude", "53.29")
                .formParam("longitude", "6.64").post("/sites").then().statusCode(400)
                .body(containsString("is Korenaar wheat fields already"));
        assertEquals(0L, Demo.read(() -> Site.count("name", "Korenaar barn")));

        Browser.open("/sites").submit().formParam("name", "Korenaar barn").formParam("gln", gln)
                .formParam("address", "Hoofdweg 14").formParam("city", "Groningen").formParam("latitude", "53.2851234")
                .formParam("longitude", "6.6452").post("/sites").then().statusCode(303);
        given().get("/sites").then().statusCode(200).body(containsString("Korenaar barn"), containsString(gln));
        assertEquals(new BigDecimal("53.285123"), Demo.read(() -> Site.findByGln(gln).orElseThrow().latitude));
    }
}
