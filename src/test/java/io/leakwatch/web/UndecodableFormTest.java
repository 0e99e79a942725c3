package io.leakwatch.web;

import io.leakwatch.testing.AdminBrowser;
import io.leakwatch.testing.CapturedLog;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A form body whose percent escapes do not decode (found by HostileInputIT): the sender's mistake, so
 * 400, and the value typed into the field never reaches the log (the form parser's exception quotes it).
 */
@QuarkusTest
class UndecodableFormTest {

    @ParameterizedTest
    @CsvSource({
            "/notify, leakwatch_form, email=undecodable.marker%40example.org%F0%",
            "/notify, leakwatch_form, email=undecodable.marker%ZZ@example.org",
            "/admin/sign-in, leakwatch_admin_sign_in, username=admin&password=undecodable.marker%E9%",
    })
    void aBrokenPercentEscapeIsABadRequestAndIsNotLogged(String path, String csrfCookie, String fields) {
        String csrf = "C".repeat(43);
        try (CapturedLog log = CapturedLog.start()) {
            int status = given().redirects().follow(false).header("X-Forwarded-For", AdminBrowser.newClientAddress())
                    .cookie(csrfCookie, csrf).contentType("application/x-www-form-urlencoded")
                    .body("csrf=" + csrf + "&" + fields).post(path).statusCode();
            assertEquals(400, status);
            assertTrue(log.lines().stream().noneMatch(line -> line.contains("undecodable.marker")), String.join("\n", log.lines()));
        }
    }
}
