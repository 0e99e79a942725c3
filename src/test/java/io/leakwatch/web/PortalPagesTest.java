package io.leakwatch.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@QuarkusTest
class PortalPagesTest {

    @Test
    void homePageSaysWhatThePortalIsInTheSiteLayout() {
        Document page = Jsoup.parse(given().when().get("/")
                .then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString());

        assertEquals("Were your records leaked?", page.selectFirst("h1").text());
        assertEquals("Were your records leaked? · Leakwatch", page.title());
        assertNotNull(page.selectFirst("a.skip-link[href=#main]"), "skip link to the main content");
        assertNotNull(page.selectFirst("main#main"));
        assertNotNull(page.selectFirst("nav.language-switch"));
        assertEquals(0, page.select("script:not([src]), style, [style]").size(), "no inline script or style (CSP)");
    }

    @Test
    void unknownPageIsAFriendly404WithoutInternals() {
        String body = given().when().get("/no/such/page")
                .then().statusCode(404).contentType(containsString("text/html"))
                .extract().asString();
        Document page = Jsoup.parse(body);

        assertEquals("Page not found", page.selectFirst("h1").text());
        assertFalse(body.contains("Exception") || body.contains("io.leakwatch") || body.contains("at java."),
                "no stack trace or class name in the page");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/no/such/page", "/css/site.css", "/q/health/ready", "/range/ABCDE", "/range/XYZ"})
    void everyResponseCarriesTheSecurityHeaders(String path) {
        Response response = given().when().get(path);

        assertEquals("nosniff", response.header("X-Content-Type-Options"), path);
        assertEquals("no-referrer", response.header("Referrer-Policy"), path);
        assertEquals("DENY", response.header("X-Frame-Options"), path);
        String csp = response.header("Content-Security-Policy");
        assertNotNull(csp, path);
        assertFalse(csp.contains("unsafe-inline"), "CSP allows no inline script or style");
        assertEquals(true, csp.contains("frame-ancestors 'none'"), path);
    }

    @Test
    void readinessReportsTheDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
    }

    @Test
    void prometheusMetricsAreExposed() {
        String metrics = given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .extract().asString();
        // every line a comment or a sample, never an error page or a stack trace (an exception's class may
        // be a label value, as in mail_errors_total{class="java.net.SocketException"})
        List<String> notSamples = metrics.lines()
                .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.matches("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{.*})? \\S+"))
                .toList();
        assertEquals(List.of(), notSamples);
    }
}
