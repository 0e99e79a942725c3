package io.leakwatch.check;

import io.leakwatch.breach.Breach;
import io.leakwatch.explain.Step;
import io.leakwatch.index.HashKind;
import io.leakwatch.index.IndexFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check pages as the server renders them; the check itself is tested in Chromium. */
@QuarkusTest
class CheckPagesTest {

    @Inject
    IndexFixture index;

    @Test
    void theHomeFormCannotSendWhatIsTypedEvenWithoutScripts() {
        Document page = Jsoup.parse(given().when().get("/").then().statusCode(200).extract().asString());

        assertEquals("/check/needs-javascript", page.selectFirst("#check-form").attr("action"));
        assertEquals(0, page.select("#check-form [name]").size(), "no field has a name, so a form submits nothing");
        assertEquals("identifier", page.selectFirst("label[for=identifier]").attr("for"));
        assertEquals(List.of("", "email", "phone", "national-id", "username"),
                page.select("#identifier-type option").eachAttr("value"));
        assertTrue(page.selectFirst("noscript").text().contains("needs JavaScript"));
        assertEquals(List.of("/js/check.js"), page.select("script").eachAttr("src"));
        assertEquals(0, page.select("script:not([src]), style, [style]").size(), "no inline script or style (CSP)");
    }

    @Test
    void theResultDetailsNameOnlyBreachesAnAnonymousSearchMayShow() {
        Breach shown = index.publishBreach(IndexFixture.uniqueName("Shown"),
                breach -> breach.dataClasses = List.of("names", "email-addresses"), List.of(IndexFixture.randomHash(HashKind.ACCOUNT)));
        Breach sensitive = index.publishBreach(IndexFixture.uniqueName("Sensitive"), breach -> breach.sensitive = true,
                List.of(IndexFixture.randomHash(HashKind.ACCOUNT)));
        Breach staged = index.createBreach(IndexFixture.uniqueName("Staged"), breach -> { });

        Document details = Jsoup.parse(given().queryParam("names", String.join(",", shown.name.toUpperCase(),
                        sensitive.name, staged.name, "no-such-breach"))
                .when().get("/check/details").then().statusCode(200)
                .header("Cache-Control", "public, max-age=300").extract().asString());

        assertEquals(List.of(shown.name), details.select("[data-breach]").eachAttr("data-breach"));
        assertEquals(Set.of("email-addresses", "names"), Set.of(details.selectFirst("[data-breach]").attr("data-classes").split(" ")));
        assertEquals(List.of("email-addresses", "names"), details.select("[data-exposed]").eachAttr("data-exposed"));
        assertEquals(List.of("4", "3", "2", "1"), details.select("[data-level]").eachAttr("data-rank"));
        assertEquals(Step.values().length, details.select("[data-step]").size(), "every step, for the script to choose from");
        assertTrue(details.select("[data-requires]").eachAttr("data-requires").contains("names;email-addresses phone-numbers"));
        assertEquals(1, details.select("[data-sent-prefix]").size());
    }

    @Test
    void aStarForNamesAsksForEveryBreachAnAnonymousSearchMayShow() {
        Breach shown = index.publishBreach(IndexFixture.uniqueName("Shown"), breach -> { },
                List.of(IndexFixture.randomHash(HashKind.ACCOUNT)));
        Breach sensitive = index.publishBreach(IndexFixture.uniqueName("Sensitive"), breach -> breach.sensitive = true,
                List.of(IndexFixture.randomHash(HashKind.ACCOUNT)));

        List<String> named = Jsoup.parse(given().queryParam("names", "*").when().get("/check/details")
                        .then().statusCode(200).extract().asString())
                .select("[data-breach]").eachAttr("data-breach");

        assertTrue(named.contains(shown.name), named.toString());
        assertTrue(!named.contains(sensitive.name), "never a sensitive breach");
    }

    @Test
    void theResultDetailsOfNoBreachesStillExplainANotFound() {
        index.publishBreach(IndexFixture.uniqueName("Elsewhere"), breach -> { }, List.of(IndexFixture.randomHash(HashKind.ACCOUNT)));

        Document details = Jsoup.parse(given().header("Accept-Language", "zh")
                .when().get("/check/details").then().statusCode(200).extract().asString());

        assertEquals(0, details.select("[data-breach]").size());
        assertEquals("没有在任何已知泄露中发现", details.selectFirst("[data-outcome=not-found] h2").text());
    }

    @Test
    void thePhoneRulesComeFromLibphonenumberAndAreCacheable() {
        var response = given().when().get("/check/phone-rules.json")
                .then().statusCode(200).contentType(startsWith("application/json"))
                .header("Cache-Control", "public, max-age=86400").extract().response();
        Map<String, Object> china = response.jsonPath().getMap("callingCodes.86");

        assertEquals("CN", response.jsonPath().getString("defaultRegion.region"));
        assertEquals(86, response.jsonPath().getInt("defaultRegion.countryCode"));
        assertTrue(response.jsonPath().getString("defaultRegion.internationalPrefix").startsWith("00|"),
                "00, or a carrier's prefix before it");
        assertEquals("CN", china.get("region"));
        assertTrue(((List<?>) china.get("possibleLengths")).contains(11));
        assertEquals("US", response.jsonPath().getString("callingCodes.1.region"), "a shared code uses its main region");
        assertEquals("001", response.jsonPath().getString("callingCodes.800.region"), "non-geographic codes too");

        given().header("If-None-Match", response.header("ETag")).when().get("/check/phone-rules.json")
                .then().statusCode(304);
    }

    @Test
    void withoutScriptsTheFormLeadsToAnExplanation() {
        given().when().get("/check/needs-javascript").then().statusCode(200)
                .body(containsString("The check needs JavaScript"));
    }
}
