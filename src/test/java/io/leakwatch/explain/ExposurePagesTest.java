package io.leakwatch.explain;

import io.leakwatch.breach.DataClass;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "What exposure means": a page for every kind of data, most serious first, in both languages. */
@QuarkusTest
class ExposurePagesTest {

    /** The kinds of data the issue asks a page for, at least. */
    @ParameterizedTest
    @ValueSource(strings = {"email-addresses", "phone-numbers", "government-issued-ids", "names", "dates-of-birth",
            "places-of-birth", "physical-addresses", "ethnicities", "political-affiliations", "criminal-records",
            "police-reports", "location-history", "travel-records", "financial-records", "employers", "passwords",
            "usernames"})
    void eachPageSaysWhatAnAttackerCanDoHowSeriousItIsAndTheStepsToTake(String slug) {
        for (String language : List.of("en", "zh-CN")) {
            Document page = Jsoup.parse(given().header("Accept-Language", language)
                    .when().get("/exposure/" + slug).then().statusCode(200).extract().asString());

            assertEquals(3, page.select("main section h2").size(), slug);
            assertTrue(page.selectFirst("#attacker-heading + p").text().length() > 40, "what an attacker can do");
            assertTrue(page.selectFirst(".level-line .level").hasText(), "how serious");
            assertTrue(page.select("ol.steps li").size() >= 2, "concrete steps");
            assertEquals(page.selectFirst("h1").text() + " · Leakwatch", page.title());
        }
    }

    @Test
    void theIndexListsEveryKindMostSeriousFirst() {
        Document page = Jsoup.parse(given().when().get("/exposure").then().statusCode(200).extract().asString());

        List<String> listed = page.select(".exposure-index h2 a").eachAttr("href");
        assertEquals(ExposureGuide.byUrgency().stream().map(dataClass -> "/exposure/" + dataClass.slug()).toList(), listed);
        assertEquals(DataClass.values().length, listed.size());
    }

    @Test
    void anUnknownKindIsNotFound() {
        given().when().get("/exposure/shoe-sizes").then().statusCode(404);
    }
}
