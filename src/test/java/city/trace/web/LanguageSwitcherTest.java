package city.trace.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import city.trace.support.Demo;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/** The language switcher is on every page, and the language chosen on one page holds on the next. */
@QuarkusTest
class LanguageSwitcherTest {

    @Test
    void theLandingPageHasTheSwitcherAndRemembersTheChoice() {
        var english = given().accept("text/html").get("/").then().statusCode(200)
                .body(containsString("<html lang=\"en\""), containsString("<nav class=\"languages\""),
                        containsString("href=\"/?lang=nl\""), containsString("href=\"/?lang=zh\""));
        assertFalse(english.extract().cookies().containsKey("lang"), "nothing chosen, nothing remembered");
        String remembered = given().accept("text/html").get("/?lang=nl").then().statusCode(200)
                .body(containsString("<html lang=\"nl\""), containsString("Inloggen"),
                        containsString("Een product nakijken"))
                .extract().cookie("lang");
        given().accept("text/html").cookie("lang", remembered).get("/").then()
                .body(containsString("<html lang=\"nl\""));
        given().accept("text/html").header("Accept-Language", "zh-CN,zh;q=0.9").get("/").then()
                .body(containsString("<html lang=\"zh\""), containsString("登录"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "manufacturer")
    @OidcSecurity(claims = @Claim(key = "organization", value = Demo.FARM))
    void signedInPagesHaveItTooAndKeepTheirAddress() {
        given().accept("text/html").cookie("lang", "nl").get("/dashboard").then().statusCode(200)
                .body(containsString("<html lang=\"nl\""), containsString("Uitloggen"),
                        containsString("href=\"/dashboard?lang=zh\""));
        // the switcher's links keep the page's own query and replace the language chosen before
        given().accept("text/html").get("/batches/new?lang=zh&resubmit").then().statusCode(200)
                .body(containsString("<html lang=\"zh\""), containsString("href=\"/batches/new?resubmit&amp;lang=en\""),
                        not(containsString("lang=zh&amp;lang")))
                .cookie("lang", "zh");
    }

    @Test
    void errorPagesAnswerInTheChosenLanguage() {
        given().accept("text/html").cookie("lang", "zh").get("/01/123").then()
                .statusCode(400).body(containsString("<html lang=\"zh\""), containsString("<nav class=\"languages\""));
    }
}
