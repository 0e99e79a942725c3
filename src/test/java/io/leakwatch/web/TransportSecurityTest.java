package io.leakwatch.web;

import io.leakwatch.testing.AdminBrowser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HSTS and Secure cookies behind a TLS proxy, none over plain HTTP; the public form's cookie stays with its form. */
@QuarkusTest
class TransportSecurityTest {

    private static Response get(String path, boolean behindTlsProxy) {
        var request = given().redirects().follow(false).header("X-Forwarded-For", AdminBrowser.newClientAddress());
        return (behindTlsProxy ? request.header("X-Forwarded-Proto", "https") : request).get(path);
    }

    @Test
    void everyAnswerBehindATlsProxyCarriesHsts() {
        for (String path : new String[] {"/", "/range/ABCDE", "/api/v1/breaches", "/no-such-page", "/language/zh?back=/"}) {
            assertEquals("max-age=31536000", get(path, true).header("Strict-Transport-Security"), path);
            assertNull(get(path, false).header("Strict-Transport-Security"), path + " over plain HTTP");
        }
    }

    @Test
    void thePublicFormsCookieIsSentOnlyToTheFormsPagesAndIsSecureOverTls() {
        Cookie overTls = get("/notify", true).getDetailedCookie(PublicFormCsrf.COOKIE);
        Cookie plain = get("/notify", false).getDetailedCookie(PublicFormCsrf.COOKIE);

        assertEquals("/notify", overTls.getPath(), "not along with every range query");
        assertTrue(overTls.isSecured());
        assertEquals("/notify", plain.getPath());
        assertTrue(!plain.isSecured(), "plain HTTP: a Secure cookie would be dropped");
    }

    @Test
    void theDevelopersPageShowsTheSchemeTheClientUsed() {
        Element overTls = curlExample(get("/developers", true).asString());
        Element plain = curlExample(get("/developers", false).asString());

        assertTrue(overTls.text().contains("https://localhost:"), overTls.text());
        assertTrue(plain.text().contains("http://localhost:"), plain.text());
    }

    private static Element curlExample(String page) {
        return Jsoup.parse(page).select("pre.code code").stream().filter(code -> code.text().startsWith("curl"))
                .findFirst().orElseThrow(() -> new AssertionError("no curl example on /developers"));
    }

    @Test
    void theLanguageCookieIsSecureOverTls() {
        assertTrue(get("/language/zh?back=/", true).getDetailedCookie("leakwatch_lang").isSecured());
    }
}
