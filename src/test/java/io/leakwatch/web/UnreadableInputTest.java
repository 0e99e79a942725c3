package io.leakwatch.web;

import io.leakwatch.testing.AdminBrowser;
import io.leakwatch.testing.CapturedLog;
import io.leakwatch.testing.RawHttp;
import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input no reader could mean (found by HostileInputIT): a form body whose percent escapes do not decode,
 * a NUL character that PostgreSQL's text cannot hold. The sender's mistake, so 400, and the value typed
 * into the field never reaches the log (the form parser's exception quotes it).
 */
@QuarkusTest
class UnreadableInputTest {

    @ParameterizedTest
    @CsvSource({
            "/notify, leakwatch_form, email=undecodable.marker%40example.org%F0%",
            "/notify, leakwatch_form, email=undecodable.marker%ZZ@example.org",
            "/admin/sign-in, leakwatch_admin_sign_in, username=admin&password=undecodable.marker%E9%",
            "/admin/sign-in, leakwatch_admin_sign_in, username=undecodable.marker%00&password=a-password",
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

    /** Found by bench/fuzz.sh: an empty Content-Type on a public or admin form made its CSRF check throw (500). */
    @ParameterizedTest
    @CsvSource({"/notify, leakwatch_form", "/admin/sign-in, leakwatch_admin_sign_in"})
    void aFormWithAnEmptyContentTypeIsRefusedNotAFailure(String path, String csrfCookie) {
        String csrf = "C".repeat(43);
        byte[] request = RawHttp.request("POST", path.getBytes(StandardCharsets.US_ASCII), Map.of(
                "Content-Type", new byte[0],
                "Cookie", (csrfCookie + "=" + csrf).getBytes(StandardCharsets.US_ASCII),
                "X-Forwarded-For", AdminBrowser.newClientAddress().getBytes(StandardCharsets.US_ASCII)),
                ("csrf=" + csrf + "&email=someone%40example.org").getBytes(StandardCharsets.US_ASCII));
        int status = new RawHttp(RestAssured.port, Duration.ofSeconds(10)).send(request).status();
        assertEquals(403, status, "not a form, so no CSRF token was presented");
    }

    @ParameterizedTest
    @CsvSource({"/api/v1/breaches?domain=%00", "/api/v1/breach/a%00b", "/breaches/a%00b"})
    void aNulCharacterIsABadRequest(String path) {
        assertEquals(400, given().urlEncodingEnabled(false).header("X-Forwarded-For", AdminBrowser.newClientAddress()).get(path)
                .statusCode());
    }
}
